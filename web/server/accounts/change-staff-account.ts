import type { Db } from "@visit-once/prisma";
import { isUuid } from "@/lib/validation";
import { authoriseMutation } from "../access/authorise";
import type { Actor } from "../access/policy";
import { changeSchema, type FieldErrors, fieldErrors } from "./account-input";
import { wouldLeaveNoAdmin } from "./last-admin";

export type ChangeResult = { ok: true; outcome: "done" | "unchanged" } | { ok: false; errors: FieldErrors };

/**
 * An administrator changes a staff account's role and office. The person's open sessions end at
 * their next request (a session remembers the role and office it began with: sessions/check-session.ts).
 * The last active administrator cannot be made something else. Sending the same change twice
 * changes nothing the second time (`unchanged`). Audited; a refusal looks like absence.
 */
export async function changeStaffAccount(
  actor: Actor | null,
  userId: string,
  raw: Record<string, unknown>,
  requestId: string,
  db: Db,
): Promise<ChangeResult> {
  if (!isUuid(userId)) return { ok: false, errors: { form: "not-found" } };
  const parsed = changeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { role, office } = parsed.data;
  const target = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
  if (!target || target.role === "CITIZEN") return { ok: false, errors: { form: "not-found" } };
  const decision = await authoriseMutation(
    actor,
    "change",
    { kind: "account", role: target.role },
    `account:${target.id}/role`,
    requestId,
    async (tx) => {
      const current = await tx.user.findUnique({
        where: { id: target.id },
        select: { role: true, departmentCode: true, deactivatedAt: true },
      });
      if (!current) return { outcome: "not-found" };
      if (current.role === role && current.departmentCode === office) return { outcome: "unchanged" };
      if (office && !(await tx.office.findUnique({ where: { code: office }, select: { code: true } })))
        return { outcome: "office-unknown" };
      if (
        current.role === "ADMIN" &&
        role !== "ADMIN" &&
        !current.deactivatedAt &&
        (await wouldLeaveNoAdmin(tx, target.id))
      )
        return { outcome: "last-admin" };
      await tx.user.update({ where: { id: target.id }, data: { role, departmentCode: office } });
      return { outcome: `done:${current.role}->${role}` };
    },
    db,
  );
  if (!decision.allowed) return { ok: false, errors: { form: "not-found" } };
  const { outcome } = decision.result;
  if (outcome === "unchanged") return { ok: true, outcome };
  if (outcome.startsWith("done")) return { ok: true, outcome: "done" };
  return {
    ok: false,
    errors:
      outcome === "office-unknown"
        ? { office: "office-unknown" }
        : outcome === "last-admin"
          ? { role: "last-admin" }
          : { form: "not-found" },
  };
}
