import type { Db } from "@visit-once/prisma";
import { describe, expect, it } from "vitest";
import type { Actor } from "../access/policy";
import { claimException } from "./claim-exception";

const exceptionId = "6f1c1c1e-8d0a-4a57-9d7e-3f1f1b1b1b1b";
const caseworker: Actor = { id: "cw-1", role: "CASEWORKER", departmentCode: null };

/** An in-memory stand-in for the two tables the claim touches. */
function fakeDb(claimedById: string | null, status = "OPEN") {
  const row = { id: exceptionId, applicationId: "app-1", claimedById, status };
  const audit: { action: string; allowed: boolean; actorId: string | null }[] = [];
  const anonymous: unknown[][] = [];
  const matches = (where: { claimedById?: string; OR?: { claimedById: string | null }[]; status?: { not: string } }) =>
    (!where.status || row.status !== where.status.not) &&
    (where.claimedById === undefined || row.claimedById === where.claimedById) &&
    (!where.OR || where.OR.some((o) => o.claimedById === row.claimedById));
  const db = {
    caseException: {
      findUnique: async () => row,
      updateMany: async ({
        where,
        data,
      }: {
        where: Parameters<typeof matches>[0];
        data: { claimedById: string | null };
      }) => {
        if (!matches(where)) return { count: 0 };
        row.claimedById = data.claimedById;
        return { count: 1 };
      },
    },
    auditEntry: { create: async ({ data }: { data: (typeof audit)[number] }) => void audit.push(data) },
    // Anonymous refusals are counted (one upsert), not written as rows: the values are (hour, action, kind).
    $executeRaw: async (_sql: TemplateStringsArray, ...values: unknown[]) => anonymous.push(values.slice(1)),
  } as unknown as Db;
  return { db, row, audit, anonymous };
}

describe("claimException", () => {
  it("claims an unclaimed exception, audited as a claim", async () => {
    const { db, row, audit } = fakeDb(null);
    expect(await claimException(caseworker, exceptionId, true, db)).toBe("claimed");
    expect(row.claimedById).toBe("cw-1");
    expect(audit).toEqual([expect.objectContaining({ action: "claim", allowed: true, actorId: "cw-1" })]);
  });

  it("never takes one another caseworker holds, nor gives it back for them", async () => {
    const { db, row } = fakeDb("cw-2");
    expect(await claimException(caseworker, exceptionId, true, db)).toBe("taken");
    expect(await claimException(caseworker, exceptionId, false, db)).toBe("not-found");
    expect(row.claimedById).toBe("cw-2");
  });

  it("gives back one's own", async () => {
    const { db, row } = fakeDb("cw-1");
    expect(await claimException(caseworker, exceptionId, false, db)).toBe("released");
    expect(row.claimedById).toBeNull();
  });

  it("does not claim a resolved exception", async () => {
    const { db, row } = fakeDb(null, "RESOLVED");
    expect(await claimException(caseworker, exceptionId, true, db)).toBe("taken");
    expect(row.claimedById).toBeNull();
  });

  it("refuses anyone but a caseworker, records the refusal (counts an anonymous one) and changes nothing", async () => {
    for (const actor of [
      { id: "o-1", role: "OFFICER", departmentCode: "health" },
      { id: "c-1", role: "CITIZEN", departmentCode: null },
    ] as const) {
      const { db, row, audit } = fakeDb(null);
      expect(await claimException(actor, exceptionId, true, db)).toBe("not-found");
      expect(row.claimedById).toBeNull();
      expect(audit).toEqual([expect.objectContaining({ action: "claim", allowed: false })]);
    }
    const { db, row, audit, anonymous } = fakeDb(null);
    expect(await claimException(null, exceptionId, true, db)).toBe("not-found");
    expect(row.claimedById).toBeNull();
    expect(audit).toEqual([]);
    expect(anonymous).toEqual([["claim", "exception"]]);
  });

  it("tells only a caseworker that someone else holds it", async () => {
    for (const actor of [
      { id: "o-1", role: "OFFICER", departmentCode: "health" },
      { id: "a-1", role: "ADMIN", departmentCode: null },
    ] as const) {
      const { db, row } = fakeDb("cw-2");
      expect(await claimException(actor, exceptionId, true, db)).toBe("not-found");
      expect(row.claimedById).toBe("cw-2");
    }
  });

  it("treats a malformed id as absent", async () => {
    const { db, audit } = fakeDb(null);
    expect(await claimException(caseworker, "../etc", true, db)).toBe("not-found");
    expect(audit).toEqual([]);
  });
});
