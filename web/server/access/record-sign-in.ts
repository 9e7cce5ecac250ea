import { createHash, createHmac } from "node:crypto";
import type { Db } from "@visit-once/prisma";
import { env } from "@/env";
import { db as defaultDb } from "../db";
import { currentRequestId } from "../http/request-id";
import { recordAccessInTransaction } from "../ledger/record-access";

export type SignInOutcome =
  | { ok: true; userId: string; role: string }
  | { ok: false; reason: "wrong-password"; userId: string; role: string }
  | { ok: false; reason: "unknown-account" | "locked" | "invalid-input"; userId?: string; role?: string };

/**
 * Every sign-in attempt, success or failure, as one audit row: the account when known, else a
 * hash of the email (an unknown email may be a person's mistyped address, so never in the clear);
 * a keyed hash of the client address (repeats from one address stay visible; the address itself,
 * personal data, is not kept: unkeyed, the small IPv4 space would give it back); the outcome and
 * why. Never the password. The same attempt goes onto the
 * access ledger in the same transaction (whose account: the account when known; no address,
 * no email there: the ledger says who used whose data, not where from).
 */
export async function recordSignIn(
  email: string,
  address: string,
  outcome: SignInOutcome,
  db: Db = defaultDb(),
): Promise<void> {
  const resource = outcome.userId ? `account:${outcome.userId}` : `email-sha256:${emailDigest(email)}`;
  const result = outcome.ok ? "success" : outcome.reason;
  const requestId = await currentRequestId();
  await db.$transaction(
    async (tx) => {
      await tx.auditEntry.create({
        data: {
          actorId: outcome.userId ?? null,
          role: outcome.role ?? null,
          action: "sign-in",
          resource,
          allowed: outcome.ok,
          detail: `${result} from ${addressDigest(address)}`,
        },
      });
      await recordAccessInTransaction(tx, [
        {
          actor: outcome.userId ? { id: outcome.userId, role: outcome.role ?? null, office: null } : null,
          subjectId: outcome.userId ?? null,
          action: "sign-in",
          requestId,
          outcome: result,
        },
      ]);
    },
    // Sign-ins queue on the ledger's lock behind other writers.
    { maxWait: 30_000, timeout: 30_000 },
  );
}

export function emailDigest(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
}

/** The client address as the audit log keeps it: HMAC-SHA256 under a key derived from the web's secret. */
export function addressDigest(address: string): string {
  const key = createHash("sha256").update(`audit-address:${env().NEXTAUTH_SECRET}`).digest();
  return `address-hmac:${createHmac("sha256", key).update(address).digest("hex").slice(0, 32)}`;
}
