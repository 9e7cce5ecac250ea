import { randomUUID } from "node:crypto";
import type { Db } from "@visit-once/prisma";
import type { FieldCipher } from "@visit-once/prisma/at-rest";
import { fieldCipher } from "@/env";
import { authoriseMutation } from "../access/authorise";
import type { Actor } from "../access/policy";
import { db as defaultDb } from "../db";
import { grantSchema, type MandateFieldErrors, mandateFieldErrors, notarisedSchema } from "./mandate-input";

export type GrantResult = { ok: true; mandateId: string } | { ok: false; errors: MandateFieldErrors };

/**
 * A citizen lets another adult act for her (委托代办): to the identity number and name she types,
 * for the services she ticks, until the day she sets. Only blind indexes of the numbers are kept
 * (and hers sealed, to fetch her records when her representative applies). Audited.
 */
export async function grantMandate(
  actor: Actor | null,
  raw: unknown,
  requestId: string,
  db: Db = defaultDb(),
  cipher: FieldCipher = fieldCipher(),
): Promise<GrantResult> {
  if (!actor) return { ok: false, errors: { form: "not-found" } };
  const parsed = grantSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: mandateFieldErrors(parsed.error) };
  const grantor = await db.user.findUnique({
    where: { id: actor.id },
    select: { id: true, name: true, nationalId: true, nationalIdIndex: true },
  });
  if (!grantor?.nationalId || !grantor.nationalIdIndex) return { ok: false, errors: { form: "no-national-id" } };
  const granteeIndex = cipher.blindIndex(parsed.data.granteeNationalId);
  if (granteeIndex === grantor.nationalIdIndex) return { ok: false, errors: { granteeNationalId: "yourself" } };
  const id = randomUUID();
  const decision = await authoriseMutation(
    actor,
    "grant",
    { kind: "mandate", grantorId: actor.id, source: "PORTAL" },
    `mandate:${id}`,
    requestId,
    async (tx) => {
      await tx.mandate.create({
        data: {
          id,
          source: "PORTAL",
          grantorId: grantor.id,
          grantorNationalId: grantor.nationalId!,
          grantorIndex: grantor.nationalIdIndex!,
          grantorName: grantor.name,
          granteeIndex,
          granteeName: parsed.data.granteeName,
          services: parsed.data.services,
          expiresOn: parsed.data.expiresOn,
        },
      });
      return { outcome: "done" };
    },
    db,
  );
  return decision.allowed ? { ok: true, mandateId: id } : { ok: false, errors: { form: "not-found" } };
}

/**
 * A caseworker registers a mandate from a notarised paper (公证委托书) brought to the counter: the
 * certificate's number, both parties, the scope and the expiry. The grantor's account, if she has
 * one, is linked, so she sees and may revoke it. Audited.
 */
export async function registerNotarisedMandate(
  actor: Actor | null,
  raw: unknown,
  requestId: string,
  db: Db = defaultDb(),
  cipher: FieldCipher = fieldCipher(),
): Promise<GrantResult> {
  if (!actor) return { ok: false, errors: { form: "not-found" } };
  const parsed = notarisedSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: mandateFieldErrors(parsed.error) };
  const input = parsed.data;
  const grantorIndex = cipher.blindIndex(input.grantorNationalId);
  const granteeIndex = cipher.blindIndex(input.granteeNationalId);
  if (grantorIndex === granteeIndex) return { ok: false, errors: { granteeNationalId: "same-person" } };
  const grantorAccount = await db.user.findUnique({
    where: { nationalIdIndex: grantorIndex },
    select: { id: true, role: true },
  });
  const id = randomUUID();
  const decision = await authoriseMutation(
    actor,
    "grant",
    { kind: "mandate", grantorId: null, source: "NOTARISED" },
    `mandate:${id}`,
    requestId,
    async (tx) => {
      await tx.mandate.create({
        data: {
          id,
          source: "NOTARISED",
          grantorId: grantorAccount?.role === "CITIZEN" ? grantorAccount.id : null,
          grantorNationalId: cipher.seal(input.grantorNationalId),
          grantorIndex,
          grantorName: input.grantorName,
          granteeIndex,
          granteeName: input.granteeName,
          services: input.services,
          expiresOn: input.expiresOn,
          notarialCertificateNo: input.certificateNo,
          registeredById: actor.id,
        },
      });
      return { outcome: "done" };
    },
    db,
  );
  return decision.allowed ? { ok: true, mandateId: id } : { ok: false, errors: { form: "not-found" } };
}
