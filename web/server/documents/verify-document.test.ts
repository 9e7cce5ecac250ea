import type { Db } from "@visit-once/prisma";
import { describe, expect, it } from "vitest";
import { verifyDocument } from "./verify-document";

const CODE = "VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1E6";
/** A code issued before the 120-bit format: it keeps verifying. */
const LEGACY = "VO-3F9A-C2D1-77B0";
const REVOKED = "VO-0A0B-0C0D-0E0F";

/** A stand-in for the documents table, recording what was looked up and which columns were asked for. */
function fakeDb() {
  const lookups: { code: string; select: Record<string, boolean> }[] = [];
  const rows: Record<string, { revokedAt: Date | null }> = {
    [CODE]: { revokedAt: null },
    [LEGACY]: { revokedAt: null },
    [REVOKED]: { revokedAt: new Date("2026-11-28T09:30:00Z") },
  };
  const db = {
    issuedDocument: {
      findUnique: async ({
        where,
        select,
      }: {
        where: { verificationCode: string };
        select: Record<string, boolean>;
      }) => {
        lookups.push({ code: where.verificationCode, select });
        const row = rows[where.verificationCode];
        if (!row) return null;
        return {
          verificationCode: where.verificationCode,
          titleEn: "Household register page",
          titleZh: "户口簿页",
          issuedBy: "public-security",
          issuedAt: new Date("2026-11-27T08:00:00Z"),
          revokedAt: row.revokedAt,
        };
      },
    },
  } as unknown as Db;
  return { db, lookups };
}

describe("verifyDocument", () => {
  it("tells anyone what a code proves, normalising how it was typed", async () => {
    const { db, lookups } = fakeDb();
    expect(await verifyDocument(" vo 7kq2 m9xh 4tb3 n8rw c5dz ale6  ", db)).toEqual({
      verificationCode: CODE,
      titleEn: "Household register page",
      titleZh: "户口簿页",
      issuedBy: "public-security",
      issuedAt: "2026-11-27T08:00:00.000Z",
      revokedAt: null,
    });
    expect(lookups.map((l) => l.code)).toEqual([CODE]);
  });

  it("still verifies a code of the first, 48-bit format", async () => {
    const { db, lookups } = fakeDb();
    expect(await verifyDocument(LEGACY.toLowerCase(), db)).toMatchObject({ verificationCode: LEGACY, revokedAt: null });
    expect(lookups.map((l) => l.code)).toEqual([LEGACY]);
  });

  it("never reads anything about the person or the case", async () => {
    const { db, lookups } = fakeDb();
    await verifyDocument(CODE, db);
    expect(Object.keys(lookups[0]!.select).sort()).toEqual([
      "issuedAt",
      "issuedBy",
      "revokedAt",
      "titleEn",
      "titleZh",
      "verificationCode",
    ]);
  });

  it("says when a document was revoked", async () => {
    expect(await verifyDocument(REVOKED, fakeDb().db)).toMatchObject({ revokedAt: "2026-11-28T09:30:00.000Z" });
  });

  it("finds nothing for an unknown code, and looks up nothing for a malformed one", async () => {
    const { db, lookups } = fakeDb();
    expect(await verifyDocument("VO-1111-2222-3333", db)).toBeNull();
    expect(await verifyDocument("VO-12", db)).toBeNull();
    expect(await verifyDocument("", db)).toBeNull();
    expect(await verifyDocument("VO-7KQ2-M9XH-4TB3-N8RW-C5DZ-A1EU", db)).toBeNull();
    expect(lookups.map((l) => l.code)).toEqual(["VO-1111-2222-3333"]);
  });
});
