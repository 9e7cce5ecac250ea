import { createHash, randomBytes } from "node:crypto";

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

/** A fresh one-time token (256 random bits, base64url: 43 characters) and the hash that is all the database keeps. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: invitationTokenHash(token) };
}

export function invitationTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The link the administrator hands over. The token rides in the fragment, which browsers never
 * send to a server: it stays out of access logs and Referer headers; the page posts it.
 */
export function invitationPath(token: string): string {
  return `/signin/invitation#${token}`;
}
