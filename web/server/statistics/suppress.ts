/** Cells counting fewer cases than this are not shown on the public page: nobody should be identifiable from a figure. */
export const SMALL_COUNT = 5;

/**
 * The row as the public sees it: if its count is small, every figure in it is zeroed and it is
 * marked suppressed (the page says "fewer than 5"), so neither the count nor a median of a few
 * cases leaks. Rows with enough cases pass unchanged.
 */
export function suppressSmall<T extends object>(row: T, count: number): T & { suppressed: boolean } {
  if (count >= SMALL_COUNT) return { ...row, suppressed: false };
  const zeroed = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "number" ? 0 : v]));
  return { ...(zeroed as T), suppressed: true };
}
