import type { Db } from "@visit-once/prisma";
import { safeText } from "@visit-once/workflows/contracts";
import { z } from "zod";
import { isUuid } from "@/lib/validation";
import { authorise } from "../access/authorise";
import type { Actor } from "../access/policy";
import { db as defaultDb } from "../db";

const rateApplicationSchema = z.object({
  applicationId: z.string(),
  rating: z.enum(["GOOD", "BAD"]),
  comment: safeText("reason").optional(),
});

export type RateResult = "rated" | "already-rated" | "not-completed" | "invalid" | "not-found";

/** The rating form's state between submits: the last answer, if any. */
export interface RateState {
  result: RateResult | null;
}

/** Records the citizen's rating of a completed case, once. Anyone but the owner gets "not-found". */
export async function rateApplication(actor: Actor | null, input: unknown, db: Db = defaultDb()): Promise<RateResult> {
  const parsed = rateApplicationSchema.safeParse(input);
  if (!parsed.success) return "invalid";
  const { applicationId, rating, comment } = parsed.data;
  if (!isUuid(applicationId)) return "not-found";
  const app = await db.application.findUnique({
    where: { id: applicationId },
    select: { citizenId: true, status: true, _count: { select: { exceptions: true } } },
  });
  if (!app) return "not-found";
  const decision = await authorise(actor, "rate", { kind: "case", citizenId: app.citizenId, hasExceptions: app._count.exceptions > 0 }, `case:${applicationId}/rating`, db);
  if (!decision.allowed) return "not-found";
  if (app.status !== "COMPLETED") return "not-completed";
  const created = await db.serviceRating.createMany({
    data: [{ applicationId, rating, comment: comment ? comment : null }],
    skipDuplicates: true,
  });
  return created.count === 1 ? "rated" : "already-rated";
}
