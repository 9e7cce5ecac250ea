/** Who holds an exception, as the reader sees it. */
export type ClaimHolder = "me" | "other" | "nobody";

export function claimHolder(claimedById: string | null, readerId: string): ClaimHolder {
  return claimedById === readerId ? "me" : claimedById ? "other" : "nobody";
}
