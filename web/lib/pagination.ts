/** A page number from a search param: a whole number from 1, anything else is page 1. */
export function parsePage(raw: string | string[] | undefined): number {
  const value = typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return value >= 1 ? value : 1;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
