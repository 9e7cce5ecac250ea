import { randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import { database } from "./accounts";

/** Another member of staff like the demo account `like` (same role and office), enrolled with the demo second factor; returns the email. */
export async function anotherStaffLike(like: string): Promise<string> {
  const db = database();
  const demo = await db.user.findUniqueOrThrow({
    where: { email: like },
    select: { role: true, departmentCode: true, passwordHash: true, totpSecret: true, totpEnabledAt: true },
  });
  const email = `reviewer-${randomUUID().slice(0, 8)}@e2e.visit-once.local`;
  await db.user.create({
    data: {
      email,
      name: "Reviewer",
      role: demo.role,
      departmentCode: demo.departmentCode,
      passwordHash: demo.passwordHash,
      totpSecret: demo.totpSecret,
      totpEnabledAt: demo.totpEnabledAt,
    },
  });
  return email;
}

/** The id of the case's refusal under review, once the case has written it. */
export async function reviewIdOf(applicationId: string): Promise<string> {
  let id: string | undefined;
  await expect
    .poll(
      async () =>
        (id = (
          await database().caseReview.findFirst({
            where: { applicationId },
            orderBy: { createdAt: "desc" },
            select: { id: true },
          })
        )?.id),
      { timeout: 60_000 },
    )
    .toBeTruthy();
  return id!;
}
