import type { Db } from "@visit-once/prisma";
import { z } from "zod";
import { wasOffered } from "../access/minimise";
import { db as defaultDb } from "../db";

/**
 * The office deciding a department step, and whether the step has reached it yet; null when
 * there is no such department step.
 */
export async function findTaskOffice(
  applicationId: string,
  stepKey: string,
  db: Db = defaultDb(),
): Promise<{ office: string; offered: boolean; serviceCode: string } | null> {
  if (!z.uuid().safeParse(applicationId).success || !stepKey || stepKey.length > 100) return null;
  const step = await db.applicationStep.findUnique({
    where: { applicationId_key: { applicationId, key: stepKey } },
    select: {
      kind: true,
      departmentCode: true,
      status: true,
      startedAt: true,
      application: { select: { serviceCode: true } },
    },
  });
  return step?.kind === "DEPARTMENT" && step.departmentCode
    ? { office: step.departmentCode, offered: wasOffered(step), serviceCode: step.application.serviceCode }
    : null;
}
