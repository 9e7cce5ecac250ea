import type { Db } from "@visit-once/prisma";
import { safeText } from "@visit-once/workflows/contracts";
import { z } from "zod";
import { isUuid } from "@/lib/validation";
import { authoriseMutation } from "../access/authorise";
import type { Actor } from "../access/policy";
import { db as defaultDb } from "../db";
import { cstDay } from "@visit-once/workflows/working-days";
import { rectificationDueAt } from "../ratings/rectification-deadline";
import { ratableOffices } from "../ratings/responsible-office";
import { CASE_ACCESS_SELECT, caseResourceOf } from "./case-access";

const rateApplicationSchema = z.object({
  applicationId: z.string(),
  rating: z.enum(["GOOD", "BAD"]),
  comment: safeText("reason").optional(),
  /** The office the rating is about; absent: the service's lead office. */
  office: z.string().max(64).optional(),
});

export type RateResult = "rated" | "already-rated" | "not-completed" | "invalid" | "not-found";

/** The rating form's state between submits: the last answer, if any. */
export interface RateState {
  result: RateResult | null;
}

/**
 * Records the citizen's rating of a completed case: once, and once more after each answer to a
 * bad rating (the new round is in force; the earlier ones stay as its history). A bad rating
 * opens a rectification task for the office it is about, due in working days; both are written
 * with the audit entry in one transaction. Anyone but the owner gets "not-found".
 */
export async function rateApplication(
  actor: Actor | null,
  input: unknown,
  requestId: string,
  db: Db = defaultDb(),
  now: () => number = Date.now,
): Promise<RateResult> {
  const parsed = rateApplicationSchema.safeParse(input);
  if (!parsed.success) return "invalid";
  const { applicationId, rating, comment, office: named } = parsed.data;
  if (!isUuid(applicationId)) return "not-found";
  const app = await db.application.findUnique({
    where: { id: applicationId },
    select: {
      ...CASE_ACCESS_SELECT,
      status: true,
      serviceCode: true,
      steps: { where: { kind: "DEPARTMENT" }, orderBy: { position: "asc" }, select: { departmentCode: true } },
    },
  });
  if (!app) return "not-found";
  const offices = ratableOffices(
    app.serviceCode,
    app.steps.map((s) => s.departmentCode),
  );
  const office = named ?? offices[0] ?? null;
  if (named !== undefined && !offices.includes(named as (typeof offices)[number])) return "invalid";
  const resource = caseResourceOf(app);
  const decision = await authoriseMutation(
    actor,
    "rate",
    resource,
    `case:${applicationId}/rating`,
    requestId,
    async (tx) => {
      if (app.status !== "COMPLETED") return { outcome: "not-completed" as const };
      const latest = await tx.serviceRating.findFirst({
        where: { applicationId },
        orderBy: { round: "desc" },
        select: { round: true, rectification: { select: { repliedAt: true } } },
      });
      // Once rated, again only after the office has answered the bad rating.
      if (latest && !latest.rectification?.repliedAt) return { outcome: "already-rated" as const };
      const round = (latest?.round ?? 0) + 1;
      // The unique (case, round) makes a double submit write one row.
      const created = await tx.serviceRating.createManyAndReturn({
        data: [{ applicationId, round, rating, comment: comment ? comment : null, office }],
        skipDuplicates: true,
        select: { id: true },
      });
      const row = created[0];
      if (!row) return { outcome: "already-rated" as const };
      if (rating === "BAD" && office) {
        const dueAt = await rectificationDueAt(db, now());
        await tx.ratingRectification.create({ data: { ratingId: row.id, applicationId, office, dueAt } });
        // The office is told in its inbox, with the due day (references only: the comment stays on the rating).
        await tx.notification.create({
          data: {
            eventKey: `rating:${row.id}`,
            recipient: `office:${office}`,
            officeCode: office,
            channel: "IN_APP",
            state: "SENT",
            attempts: 1,
            sentAt: new Date(),
            applicationId,
            kind: "rating-bad",
            params: { office, dueDay: cstDay(dueAt.getTime()) },
          },
        });
      }
      return { outcome: "rated" as const };
    },
    db,
  );
  return decision.allowed ? decision.result.outcome : "not-found";
}
