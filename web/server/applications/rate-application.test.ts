import type { Db } from "@visit-once/prisma";
import { describe, expect, it } from "vitest";
import { rateApplication } from "./rate-application";

const OWNER = "8a7f2c1e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
const STRANGER = "1b2c3d4e-5f60-4718-a9b0-c1d2e3f4a5b6";
const APP = "4f1c7a52-8d0e-4c55-9a57-0c1e8b9d2f10";

/** A stand-in for the three tables rating touches. */
function fakeDb(status: string, alreadyRated = false) {
  const audit: { action: string; allowed: boolean }[] = [];
  const ratings: unknown[] = [];
  const anonymous: unknown[][] = [];
  const db = {
    // Anonymous refusals are counted (one upsert), not written as rows: the values are (hour, action, kind).
    $executeRaw: async (_sql: TemplateStringsArray, ...values: unknown[]) => anonymous.push(values.slice(1)),
    application: { findUnique: async ({ where }: { where: { id: string } }) => (where.id === APP ? { citizenId: OWNER, status, _count: { exceptions: 0 } } : null) },
    auditEntry: { create: async ({ data }: { data: { action: string; allowed: boolean } }) => audit.push(data) },
    serviceRating: {
      createMany: async ({ data }: { data: unknown[] }) => {
        if (alreadyRated) return { count: 0 };
        ratings.push(...data);
        return { count: data.length };
      },
    },
  } as unknown as Db;
  return { db, audit, ratings, anonymous };
}

const citizen = (id: string) => ({ id, role: "CITIZEN" as const, departmentCode: null });

describe("rateApplication", () => {
  it("records the owner's rating of a completed case, audited", async () => {
    const { db, audit, ratings } = fakeDb("COMPLETED");
    expect(await rateApplication(citizen(OWNER), { applicationId: APP, rating: "GOOD", comment: "  quick " }, db)).toBe("rated");
    expect(ratings).toEqual([{ applicationId: APP, rating: "GOOD", comment: "quick" }]);
    expect(audit).toEqual([expect.objectContaining({ action: "rate", allowed: true })]);
  });

  it("rates once", async () => {
    const { db } = fakeDb("COMPLETED", true);
    expect(await rateApplication(citizen(OWNER), { applicationId: APP, rating: "BAD" }, db)).toBe("already-rated");
  });

  it("answers anyone but the owner as if the case did not exist, and audits the refusal (counts an anonymous one)", async () => {
    const { db, audit, ratings, anonymous } = fakeDb("COMPLETED");
    expect(await rateApplication(citizen(STRANGER), { applicationId: APP, rating: "GOOD" }, db)).toBe("not-found");
    expect(await rateApplication(null, { applicationId: APP, rating: "GOOD" }, db)).toBe("not-found");
    expect(await rateApplication(citizen(OWNER), { applicationId: STRANGER, rating: "GOOD" }, db)).toBe("not-found");
    expect(ratings).toEqual([]);
    expect(audit.map((a) => a.allowed)).toEqual([false]);
    expect(anonymous).toEqual([["rate", "case"]]);
  });

  it("refuses a case still running, and malformed input", async () => {
    expect(await rateApplication(citizen(OWNER), { applicationId: APP, rating: "GOOD" }, fakeDb("IN_DEPARTMENTS").db)).toBe("not-completed");
    expect(await rateApplication(citizen(OWNER), { applicationId: APP, rating: "MEH" }, fakeDb("COMPLETED").db)).toBe("invalid");
    expect(await rateApplication(citizen(OWNER), { applicationId: APP, rating: "BAD", comment: "slow\u0000" }, fakeDb("COMPLETED").db)).toBe("invalid");
    expect(await rateApplication(citizen(OWNER), { applicationId: "x", rating: "GOOD" }, fakeDb("COMPLETED").db)).toBe("not-found");
  });
});
