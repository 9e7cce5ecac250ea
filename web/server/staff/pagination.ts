import {
  firstParam,
  pageCount as countPages,
  pageHref,
  parsePage as parsePageNumber,
  pastTheEnd as lastPageIfPast,
  type SearchParam,
} from "@/lib/pagination";

// The staff lists' page size over the shared pagination (`@/lib/pagination`). Unlike the
// citizen's list, a repeated `page` param counts by its first value.
export const PAGE_SIZE = 20;

export function parsePage(value: SearchParam): number {
  return parsePageNumber(firstParam(value));
}

export function pageCount(total: number, size = PAGE_SIZE): number {
  return countPages(total, size);
}

/** The last page when `page` is past the end of a non-empty staff list; else null. */
export function pastTheEnd(page: number, total: number): number | null {
  return lastPageIfPast(page, total, PAGE_SIZE);
}

export { pageHref };
