import type { Db } from "@visit-once/prisma";
import type { FieldCipher } from "@visit-once/prisma/at-rest";
import {
  type ActingBasis,
  type MinorChildrenResult,
  mandateStanding,
  type ServiceDefinition,
} from "@visit-once/workflows/contracts";
import { z } from "zod";

// Acting for someone else (代办): whom a citizen may apply for, and, at submission, proof of it
// again (never trusting what the form says): her minor children, from the records the
// departments hold, on a service about a child; anyone whose standing mandate names the service.
//
// A mandate revoked or expired while a case it started is open: the case goes on (ending it
// would harm the person it is for, who can still cancel it herself), but the representative
// reaches it no more, at once: she cannot see it or act on it (case-access.ts). A child who
// turns 18 meanwhile: the case goes on with the parent, as the law allows a started procedure.

export const actingForSchema = z.object({ kind: z.enum(["child", "mandate"]), ref: z.string().min(1).max(200) });
export type ActingChoice = z.infer<typeof actingForSchema>;

/** One person the citizen may apply for, as the page offers it. `ref` names no identity number. */
export interface ActingOption {
  kind: "child" | "mandate";
  ref: string;
  name: string;
  /** The child's birth date, or the last day the mandate holds. */
  detail: string;
}

/** Who a represented case is about, as the application row and the workflow input carry it. */
export interface ActingSubject {
  basis: ActingBasis;
  subjectNationalId: string;
  subjectIndex: string;
  subjectUserId: string | null;
  subjectName: string;
  mandateId: string | null;
}

export type ActingRefusal = "not-your-child" | "mandate-ended" | "records-unavailable" | "no-national-id";

export interface ActingDeps {
  db: Db;
  cipher: FieldCipher;
  /** The relation proof (the departments, through the workflow). */
  minorChildren(parentNationalId: string): Promise<MinorChildrenResult>;
  now?: Date;
}

/** The children whom the records prove hers, for a service about a child; none for any other service. */
async function provenChildren(
  parentNationalId: string,
  service: ServiceDefinition,
  deps: ActingDeps,
): Promise<MinorChildrenResult["children"] | null> {
  if (!service.forMinors) return [];
  try {
    return (await deps.minorChildren(parentNationalId)).children;
  } catch {
    // A department not answering: said so, and the page offers to try again.
    return null;
  }
}

async function standingMandates(granteeIndex: string, service: ServiceDefinition, deps: ActingDeps) {
  if (service.forMinors) return [];
  const now = deps.now ?? new Date();
  const rows = await deps.db.mandate.findMany({
    where: { granteeIndex, revokedAt: null, services: { has: service.code } },
    select: {
      id: true,
      grantorName: true,
      grantorNationalId: true,
      grantorIndex: true,
      grantorId: true,
      services: true,
      expiresOn: true,
      revokedAt: true,
    },
    orderBy: { createdAt: "desc" },
  });
  return rows.filter((m) => mandateStanding(m, now, service.code).ok);
}

/** Everyone the citizen may apply for on this service; `childrenUnavailable` when the records could not be asked. */
export async function findActingOptions(
  userId: string,
  service: ServiceDefinition,
  deps: ActingDeps,
): Promise<{ options: ActingOption[]; childrenUnavailable: boolean }> {
  const me = await deps.db.user.findUnique({
    where: { id: userId },
    select: { nationalId: true, nationalIdIndex: true },
  });
  if (!me?.nationalId || !me.nationalIdIndex) return { options: [], childrenUnavailable: false };
  const [children, mandates] = await Promise.all([
    provenChildren(deps.cipher.open(me.nationalId), service, deps),
    standingMandates(me.nationalIdIndex, service, deps),
  ]);
  return {
    childrenUnavailable: children === null,
    options: [
      ...(children ?? []).map((c) => ({
        kind: "child" as const,
        ref: deps.cipher.blindIndex(c.nationalId),
        name: c.fullName,
        detail: c.birthDate,
      })),
      ...mandates.map((m) => ({ kind: "mandate" as const, ref: m.id, name: m.grantorName, detail: m.expiresOn })),
    ],
  };
}

/** The choice proven again at submission: the subject it names, or why it cannot be applied for. */
export async function resolveActingFor(
  userId: string,
  service: ServiceDefinition,
  choice: ActingChoice,
  deps: ActingDeps,
): Promise<{ ok: true; subject: ActingSubject } | { ok: false; code: ActingRefusal }> {
  const me = await deps.db.user.findUnique({
    where: { id: userId },
    select: { nationalId: true, nationalIdIndex: true },
  });
  if (!me?.nationalId || !me.nationalIdIndex) return { ok: false, code: "no-national-id" };
  if (choice.kind === "child") {
    const children = await provenChildren(deps.cipher.open(me.nationalId), service, deps);
    if (children === null) return { ok: false, code: "records-unavailable" };
    const child = children.find((c) => deps.cipher.blindIndex(c.nationalId) === choice.ref);
    if (!child) return { ok: false, code: "not-your-child" };
    const account = await deps.db.user.findUnique({
      where: { nationalIdIndex: choice.ref },
      select: { id: true, role: true },
    });
    return {
      ok: true,
      subject: {
        basis: "minor-child",
        subjectNationalId: child.nationalId,
        subjectIndex: choice.ref,
        subjectUserId: account?.role === "CITIZEN" ? account.id : null,
        subjectName: child.fullName,
        mandateId: null,
      },
    };
  }
  const mandate = (await standingMandates(me.nationalIdIndex, service, deps)).find((m) => m.id === choice.ref);
  if (!mandate) return { ok: false, code: "mandate-ended" };
  const account =
    mandate.grantorId ??
    (await deps.db.user.findUnique({ where: { nationalIdIndex: mandate.grantorIndex }, select: { id: true } }))?.id ??
    null;
  return {
    ok: true,
    subject: {
      basis: "mandate",
      subjectNationalId: deps.cipher.open(mandate.grantorNationalId),
      subjectIndex: mandate.grantorIndex,
      subjectUserId: account,
      subjectName: mandate.grantorName,
      mandateId: mandate.id,
    },
  };
}
