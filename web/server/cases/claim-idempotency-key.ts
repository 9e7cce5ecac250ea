import { createHash } from "node:crypto";
import type { Db } from "@visit-once/prisma";

export type KeyClaim = "first" | "repeat" | "conflict";

/** Object keys sorted at every depth, so the same request hashes the same however it was written. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Ties an Idempotency-Key to the first request that used it (who, which case, a hash of the
 * parsed body). The same request again is a "repeat" (Temporal answers it like the first); the
 * key with anything else — another body, case or person — is a "conflict" and must not run.
 */
export async function claimIdempotencyKey(
  db: Db,
  key: string,
  actorId: string,
  applicationId: string,
  request: unknown,
): Promise<KeyClaim> {
  const bodySha256 = createHash("sha256").update(canonicalJson(request)).digest("hex");
  // ON CONFLICT DO NOTHING: two racing first requests cannot both win.
  const { count } = await db.idempotencyKey.createMany({
    data: [{ key, actorId, applicationId, bodySha256 }],
    skipDuplicates: true,
  });
  if (count === 1) return "first";
  const first = await db.idempotencyKey.findUnique({ where: { key } });
  if (!first) throw new Error("An idempotency key vanished between insert and read.");
  return first.actorId === actorId && first.applicationId === applicationId && first.bodySha256 === bodySha256
    ? "repeat"
    : "conflict";
}
