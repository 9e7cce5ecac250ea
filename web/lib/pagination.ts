/** A search param as Next.js hands it over: absent, once, or repeated. */
export type SearchParam = string | string[] | undefined;

/** The first value of a search param (a repeated one gives its first). */
export function firstParam(value: SearchParam): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A page number from a search param: a whole number from 1, anything else is page 1. A
 * repeated param is not a page number (callers that accept one pass `firstParam(raw)`).
 */
export function parsePage(raw: SearchParam): number {
  const value = typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return value >= 1 ? value : 1;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * The last page, when `page` is past the end of a list that has items; null otherwise
 * (an empty list stays on the page asked for and says there is nothing there).
 */
export function pastTheEnd(page: number, total: number, pageSize: number): number | null {
  const pages = pageCount(total, pageSize);
  return total > 0 && page > pages ? pages : null;
}

/** The same URL with another page (other params kept, page 1 written as no param). */
export function pageHref(path: string, params: Record<string, string | undefined>, page: number): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v && k !== "page") search.set(k, v);
  if (page > 1) search.set("page", String(page));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
