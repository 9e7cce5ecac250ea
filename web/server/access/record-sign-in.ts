import { createHash } from "node:crypto";
import type { Db } from "@visit-once/prisma";
import { db as defaultDb } from "../db";

export type SignInOutcome =
  | { ok: true; userId: string; role: string }
  | { ok: false; reason: "wrong-password"; userId: string; role: string }
  | { ok: false; reason: "unknown-account" | "locked" | "invalid-input"; userId?: string; role?: string };

/**
 * Every sign-in attempt, success or failure, as one audit row: the account when known, else a
 * hash of the email (an unknown email may be a person's mistyped address, so never in the clear);
 * the client address; the outcome and why. Never the password.
 */
export async function recordSignIn(email: string, address: string, outcome: SignInOutcome, db: Db = defaultDb()): Promise<void> {
  const resource = outcome.userId ? `account:${outcome.userId}` : `email-sha256:${emailDigest(email)}`;
  await db.auditEntry.create({
    data: {
      actorId: outcome.userId ?? null,
      role: outcome.role ?? null,
      action: "sign-in",
      resource,
      allowed: outcome.ok,
      detail: `${outcome.ok ? "success" : outcome.reason} from ${address}`,
    },
  });
}

export function emailDigest(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
}
