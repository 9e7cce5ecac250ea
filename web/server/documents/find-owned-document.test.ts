import type { Db } from "@visit-once/prisma";
import { describe, expect, it } from "vitest";
import type { Actor } from "../access/policy";
import { findOwnedDocument } from "./find-owned-document";

const OWNER = "8a7f2c1e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
const STRANGER = "1b2c3d4e-5f60-4718-a9b0-c1d2e3f4a5b6";
const APP = "4f1c7a52-8d0e-4c55-9a57-0c1e8b9d2f10";
const CODE = "VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E6";
const ISSUED = new Date("2026-11-27T08:00:00Z");

/** A stand-in for the two tables a download touches: the documents (with their case) and the audit log. */
function fakeDb({ exceptions = 0 }: { exceptions?: number } = {}) {
  const audit: { actorId: string | null; action: string; resource: string; allowed: boolean }[] = [];
  const anonymous: unknown[][] = [];
  const lookups: string[] = [];
  const db = {
    issuedDocument: {
      findUnique: async ({ where }: { where: { verificationCode: string } }) => {
        lookups.push(where.verificationCode);
        if (where.verificationCode !== CODE) return null;
        return {
          applicationId: APP,
          key: "household-page",
          titleEn: "Household register page",
          issuedBy: "public-security",
          verificationCode: CODE,
          issuedAt: ISSUED,
          revokedAt: null,
          application: { citizenId: OWNER, serviceCode: "newborn-registration", _count: { exceptions } },
        };
      },
    },
    auditEntry: { create: async ({ data }: { data: (typeof audit)[number] }) => audit.push(data) },
    // Anonymous refusals are counted (one upsert), not written as rows: the values are (hour, action, kind).
    $executeRaw: async (_sql: TemplateStringsArray, ...values: unknown[]) => anonymous.push(values.slice(1)),
  } as unknown as Db;
  return { db, audit, lookups, anonymous };
}

const actor = (id: string, role: Actor["role"], departmentCode: string | null = null): Actor => ({ id, role, departmentCode });

describe("findOwnedDocument", () => {
  it("gives the owner their document, whatever the code's case and spacing", async () => {
    const { db, audit, lookups } = fakeDb();
    expect(await findOwnedDocument(actor(OWNER, "CITIZEN"), `  ${CODE.toLowerCase()} `, db)).toEqual({
      applicationId: APP,
      serviceCode: "newborn-registration",
      key: "household-page",
      titleEn: "Household register page",
      issuedBy: "public-security",
      verificationCode: CODE,
      issuedAt: ISSUED,
      revokedAt: null,
    });
    expect(lookups).toEqual([CODE]);
    // An allowed download is not a mutation: nothing to audit.
    expect(audit).toEqual([]);
  });

  it("refuses everyone else, a caseworker on a case with exceptions included, and audits each refusal (counts an anonymous one)", async () => {
    const { db, audit, anonymous } = fakeDb({ exceptions: 1 });
    expect(await findOwnedDocument(actor(STRANGER, "CITIZEN"), CODE, db)).toBeNull();
    expect(await findOwnedDocument(actor(STRANGER, "CASEWORKER"), CODE, db)).toBeNull();
    expect(await findOwnedDocument(actor(STRANGER, "OFFICER", "public-security"), CODE, db)).toBeNull();
    expect(await findOwnedDocument(null, CODE, db)).toBeNull();
    expect(audit).toEqual(
      [STRANGER, STRANGER, STRANGER].map((actorId) => expect.objectContaining({ actorId, action: "download", resource: `case:${APP}/document:household-page`, allowed: false })),
    );
    expect(anonymous).toEqual([["download", "case"]]);
  });

  it("looks up nothing for a code that is not one, and finds nothing for an unknown code", async () => {
    const { db, audit, lookups } = fakeDb();
    expect(await findOwnedDocument(actor(OWNER, "CITIZEN"), "VO-XYZ", db)).toBeNull();
    expect(await findOwnedDocument(actor(OWNER, "CITIZEN"), "'; drop table", db)).toBeNull();
    expect(lookups).toEqual([]);
    expect(await findOwnedDocument(actor(OWNER, "CITIZEN"), "VO-0000-0000-0000", db)).toBeNull();
    expect(lookups).toEqual(["VO-0000-0000-0000"]);
    expect(audit).toEqual([]);
  });
});
