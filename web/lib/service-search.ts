// The catalogue search: every word of the query must appear in a service's title or
// summary, in either language. Client-safe and pure.

export interface Searchable {
  title: { en: string; zh: string };
  summary: { en: string; zh: string };
}

export function searchServices<T extends Searchable>(services: readonly T[], query: string | undefined): T[] {
  const words = (query ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...services];
  return services.filter((s) => {
    const haystack = [s.title.en, s.title.zh, s.summary.en, s.summary.zh].join(" ").toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
