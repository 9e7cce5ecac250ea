/**
 * "Newest" / "Older" links for a list paged by a ledger sequence cursor (`before`): the ledger's
 * pages (the admin's, the citizen's, an office's). Nothing when there is only the first page.
 */
export function SeqPager({
  before,
  olderThan,
  href,
  labels,
  linkClassName,
  olderTestId,
}: {
  before: bigint | undefined;
  olderThan: bigint | null;
  href: (before?: bigint) => string;
  labels: { nav: string; newest: string; older: string };
  linkClassName: string;
  olderTestId?: string;
}) {
  if (before === undefined && olderThan === null) return null;
  return (
    <nav aria-label={labels.nav} className="flex gap-4">
      {before !== undefined && (
        <a href={href()} className={linkClassName}>
          {labels.newest}
        </a>
      )}
      {olderThan !== null && (
        <a href={href(olderThan)} className={linkClassName} data-testid={olderTestId}>
          {labels.older}
        </a>
      )}
    </nav>
  );
}
