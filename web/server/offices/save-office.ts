import type { Db, Prisma } from "@visit-once/prisma";
import { isStepOffice } from "@visit-once/workflows/contracts";
import { authoriseMutation } from "../access/authorise";
import type { Actor } from "../access/policy";
import { officeCodeSchema, type OfficeFieldErrors, officeFieldErrors, officeSchema } from "./office-input";

export type OfficeResult = { ok: true; outcome: "done" | "unchanged" } | { ok: false; errors: OfficeFieldErrors };

/**
 * An administrator creates an office (`create`) or changes one's names and supervising office
 * (`change`). A supervising office must exist and must not be the office itself or one it
 * supervises, however far down. Saving what is already there changes nothing. Audited.
 */
export async function saveOffice(
  actor: Actor | null,
  mode: "create" | "change",
  raw: Record<string, unknown>,
  requestId: string,
  db: Db,
): Promise<OfficeResult> {
  const parsed = officeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: officeFieldErrors(parsed.error) };
  const input = parsed.data;
  const decision = await authoriseMutation(
    actor,
    mode,
    { kind: "office", code: input.code },
    `office:${input.code}`,
    requestId,
    async (tx) => {
      const existing = await tx.office.findUnique({ where: { code: input.code } });
      if (mode === "create" && existing) return { outcome: "code-taken" };
      if (mode === "change" && !existing) return { outcome: "not-found" };
      if (input.supervisor) {
        if (!(await tx.office.findUnique({ where: { code: input.supervisor }, select: { code: true } })))
          return { outcome: "supervisor-unknown" };
        if (await supervises(tx, input.code, input.supervisor)) return { outcome: "supervisor-loop" };
      }
      const data = { nameEn: input.nameEn, nameZh: input.nameZh, supervisingOfficeCode: input.supervisor };
      if (
        existing &&
        existing.nameEn === data.nameEn &&
        existing.nameZh === data.nameZh &&
        existing.supervisingOfficeCode === data.supervisingOfficeCode
      )
        return { outcome: "unchanged" };
      if (existing) await tx.office.update({ where: { code: input.code }, data });
      else await tx.office.create({ data: { code: input.code, ...data } });
      return { outcome: "done" };
    },
    db,
  ).catch((error: unknown) => {
    // Two creations of one code at once: the primary key lets one in.
    if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002")
      return { allowed: true as const, result: { outcome: "code-taken" } };
    throw error;
  });
  if (!decision.allowed) return { ok: false, errors: { form: "not-found" } };
  const { outcome } = decision.result;
  if (outcome === "done" || outcome === "unchanged") return { ok: true, outcome };
  if (outcome === "code-taken") return { ok: false, errors: { code: "code-taken" } };
  if (outcome === "supervisor-unknown" || outcome === "supervisor-loop")
    return { ok: false, errors: { supervisor: outcome } };
  return { ok: false, errors: { form: "not-found" } };
}

/** Whether `office` is `candidate` or supervises it, directly or through others (so `candidate` may not supervise it). */
async function supervises(tx: Prisma.TransactionClient, office: string, candidate: string): Promise<boolean> {
  const seen = new Set<string>();
  for (let code: string | null = candidate; code;) {
    if (code === office) return true;
    if (seen.has(code)) return false;
    seen.add(code);
    const row: { supervisingOfficeCode: string | null } | null = await tx.office.findUnique({
      where: { code },
      select: { supervisingOfficeCode: true },
    });
    code = row?.supervisingOfficeCode ?? null;
  }
  return false;
}

export type DeleteOfficeResult = { ok: true } | { ok: false; error: "in-use" | "not-found" };

/**
 * Deletes an office nothing uses: no staff account belongs to it, it supervises no office, no
 * service's step is decided there (the step offices) and no case step names it.
 */
export async function deleteOffice(
  actor: Actor | null,
  rawCode: unknown,
  requestId: string,
  db: Db,
): Promise<DeleteOfficeResult> {
  const parsed = officeCodeSchema.safeParse(rawCode);
  if (!parsed.success) return { ok: false, error: "not-found" };
  const code = parsed.data;
  const decision = await authoriseMutation(
    actor,
    "delete",
    { kind: "office", code },
    `office:${code}`,
    requestId,
    async (tx) => {
      if (!(await tx.office.findUnique({ where: { code }, select: { code: true } }))) return { outcome: "not-found" };
      const [staff, supervised, steps] = await Promise.all([
        tx.user.count({ where: { departmentCode: code } }),
        tx.office.count({ where: { supervisingOfficeCode: code } }),
        tx.applicationStep.count({ where: { departmentCode: code } }),
      ]);
      if (staff > 0 || supervised > 0 || steps > 0 || isStepOffice(code)) return { outcome: "in-use" };
      await tx.office.delete({ where: { code } });
      return { outcome: "done" };
    },
    db,
  );
  if (!decision.allowed) return { ok: false, error: "not-found" };
  const { outcome } = decision.result;
  return outcome === "done" ? { ok: true } : { ok: false, error: outcome === "in-use" ? "in-use" : "not-found" };
}
