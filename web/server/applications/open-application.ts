import type { Db } from "@visit-once/prisma";
import type { FieldCipher } from "@visit-once/prisma/at-rest";
import { FINAL_STATUSES, type ServiceDefinition } from "@visit-once/workflows/contracts";

// One citizen holds at most one open application per service and subject. The database enforces
// it (the partial unique index "Application_one_open_per_subject"); these say who the subject is
// and which application is the open one, for the refusal and for the page offering the service.

/**
 * "self" when the application is about the applicant; otherwise the blind index (keyed HMAC) of
 * the service's subject field as typed, so the column never holds the baby's name in clear.
 */
export function subjectKeyOf(
  service: Pick<ServiceDefinition, "code" | "subjectField">,
  fields: Record<string, unknown>,
  cipher: FieldCipher,
): string {
  if (!service.subjectField) return "self";
  const value = String(fields[service.subjectField] ?? "")
    .normalize("NFKC")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
  return `subject:${cipher.blindIndex(`${service.code}\u0000${value}`)}`;
}

/** The citizen's open application for this service and subject, if any. */
export async function findOpenApplication(
  db: Db,
  citizenId: string,
  serviceCode: string,
  subjectKey: string,
): Promise<string | null> {
  const open = await db.application.findFirst({
    where: { citizenId, serviceCode, subjectKey, status: { notIn: [...FINAL_STATUSES] } },
    select: { id: true },
  });
  return open?.id ?? null;
}

/**
 * The citizen's open applications for a service, newest first. For a service about the applicant
 * there is at most one, and the page offers no second; for one about someone else (a baby), the
 * page lists them and a second subject may still be applied for.
 */
export async function listOpenApplications(
  db: Db,
  citizenId: string,
  serviceCode: string,
): Promise<{ id: string; subjectKey: string }[]> {
  return db.application.findMany({
    where: { citizenId, serviceCode, status: { notIn: [...FINAL_STATUSES] } },
    select: { id: true, subjectKey: true },
    orderBy: { submittedAt: "desc" },
  });
}
