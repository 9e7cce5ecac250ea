import Link from "next/link";

export interface PagerLabels {
  /** The navigation landmark's name. */
  nav: string;
  previous: string;
  next: string;
  /** The "page 2 of 5" text. */
  indicator: string;
}

/**
 * Previous / next links for a paged list. Hidden when there is only one page and the reader
 * is on it; `href` writes a page's URL (so each list keeps its own params).
 */
export function Pager({
  page,
  pages,
  href,
  labels,
  linkClassName,
  indicatorTestId,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  labels: PagerLabels;
  linkClassName: string;
  indicatorTestId?: string;
}) {
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="flex flex-wrap items-center gap-3 text-sm">
      {page > 1 && (
        <Link href={href(Math.min(page - 1, pages))} rel="prev" className={linkClassName}>
          {labels.previous}
        </Link>
      )}
      <span className="text-slate-700" data-testid={indicatorTestId}>
        {labels.indicator}
      </span>
      {page < pages && (
        <Link href={href(page + 1)} rel="next" className={linkClassName}>
          {labels.next}
        </Link>
      )}
    </nav>
  );
}
