import type { Db } from "@visit-once/prisma";
import { safeText } from "@visit-once/workflows/contracts";
import { z } from "zod";
import { isUuid } from "@/lib/validation";
import { authoriseMutation } from "../access/authorise";
import type { Actor } from "../access/policy";
import { db as defaultDb } from "../db";

const replySchema = z.object({
  rectificationId: z.string(),
  /** The office's answer to the citizen. */
  reply: safeText("reason").refine((s) => s.trim() !== "", "required"),
  /** What the office changed because of the rating. */
  fixed: safeText("reason").refine((s) => s.trim() !== "", "required"),
});

export type ReplyField = "reply" | "fixed";
export type ReplyResult =
  | { ok: true }
  | { ok: false; error: "not-found" | "already-replied" }
  | { ok: false; error: "invalid"; fields: ReplyField[] };

/**
 * An officer of the office a bad rating is about answers it: what the office says to the citizen
 * and what it fixed. Once; audited with the change in one transaction. Another office's (or a
 * missing) rectification answers "not-found".
 */
export async function replyToRectification(
  actor: Actor | null,
  input: unknown,
  requestId: string,
  db: Db = defaultDb(),
  now: () => Date = () => new Date(),
): Promise<ReplyResult> {
  const raw = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const id = typeof raw.rectificationId === "string" ? raw.rectificationId : "";
  if (!isUuid(id)) return { ok: false, error: "not-found" };
  const found = await db.ratingRectification.findUnique({ where: { id }, select: { office: true } });
  if (!found) return { ok: false, error: "not-found" };
  const parsed = replySchema.safeParse(raw);
  // Bad input is checked before anything is written, but only for someone who may reply (else it looks absent).
  const decision = await authoriseMutation(
    actor,
    "reply",
    { kind: "rectification", office: found.office },
    `rectification:${id}`,
    requestId,
    async (tx) => {
      if (!parsed.success) return { outcome: "invalid" as const };
      const updated = await tx.ratingRectification.updateMany({
        where: { id, repliedAt: null },
        data: { reply: parsed.data.reply, fixed: parsed.data.fixed, repliedAt: now(), repliedById: actor?.id ?? null },
      });
      return { outcome: updated.count === 1 ? ("done" as const) : ("already-replied" as const) };
    },
    db,
  );
  if (!decision.allowed) return { ok: false, error: "not-found" };
  const { outcome } = decision.result;
  if (outcome === "done") return { ok: true };
  if (outcome === "invalid") {
    const fields = [
      ...new Set(
        (parsed.error?.issues ?? [])
          .map((i) => i.path[0])
          .filter((f): f is ReplyField => f === "reply" || f === "fixed"),
      ),
    ];
    return { ok: false, error: "invalid", fields };
  }
  return { ok: false, error: outcome };
}
