import type { Db } from "@visit-once/prisma";
import { isSealed, testFieldCipher } from "@visit-once/prisma/at-rest";
import type { ApplicationWorkflowInput } from "@visit-once/workflows/contracts";
import { SERVICES } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { type SubmitDeps, submitApplication } from "./submit-application";

const MEI = "8a7f2c1e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
const LEI = "1b2c3d4e-5f60-4718-a9b0-c1d2e3f4a5b6";
const NO_ID = "2c3d4e5f-6071-4829-b0c1-d2e3f4a5b6c7";
const APP = "4f1c7a52-8d0e-4c55-9a57-0c1e8b9d2f10";
const NEWBORN = "newborn-registration";
const CONSENT = SERVICES[NEWBORN].evidence.map((e) => e.recordType);

interface Row {
  id: string;
  serviceCode: string;
  citizenId: string;
  status: string;
  consent: { fields?: unknown };
}

/** A stand-in for the two tables submitting touches, and a workflow starter that records its calls. */
const cipher = testFieldCipher();

function fakeDeps({ startFails = false }: { startFails?: boolean } = {}) {
  // Mei's number is stored sealed; Lei's in clear, as a row from before encryption is.
  const users: Record<string, { id: string; role: string; nationalId: string | null }> = {
    [MEI]: { id: MEI, role: "CITIZEN", nationalId: cipher.seal("110105199003070021") },
    [LEI]: { id: LEI, role: "CITIZEN", nationalId: "110105198811110013" },
    [NO_ID]: { id: NO_ID, role: "CITIZEN", nationalId: null },
  };
  const applications = new Map<string, Row>();
  const started: ApplicationWorkflowInput[] = [];
  const db = {
    user: { findUnique: async ({ where }: { where: { id: string } }) => users[where.id] ?? null },
    application: {
      createMany: async ({ data }: { data: Row[]; skipDuplicates: boolean }) => {
        let count = 0;
        for (const row of data) {
          if (applications.has(row.id)) continue;
          applications.set(row.id, row);
          count += 1;
        }
        return { count };
      },
      findUnique: async ({ where }: { where: { id: string } }) => {
        const row = applications.get(where.id);
        return row ? { citizenId: row.citizenId, serviceCode: row.serviceCode } : null;
      },
    },
  } as unknown as Db;
  const deps: SubmitDeps = {
    db,
    cipher,
    startWorkflow: async (input) => {
      if (startFails) throw new Error("temporal is down");
      started.push(input);
    },
  };
  return { deps, applications, started };
}

const newborn = (extra: Record<string, unknown> = {}) => ({ applicationId: APP, serviceCode: NEWBORN, consent: CONSENT, fields: { babyName: "王小宝" }, ...extra });

describe("submitApplication", () => {
  it("records a new application with the citizen's fields and starts its case", async () => {
    const { deps, applications, started } = fakeDeps();
    expect(await submitApplication(MEI, newborn(), deps)).toEqual({ kind: "created", applicationId: APP });
    expect(applications.get(APP)).toMatchObject({ id: APP, serviceCode: NEWBORN, citizenId: MEI, status: "SUBMITTED", consent: { fields: { babyName: "王小宝" } } });
    expect(started).toEqual([{ applicationId: APP, serviceCode: NEWBORN, subjectNationalId: "110105199003070021", consent: CONSENT }]);
  });

  it("stores a typed identity number and bank account only sealed", async () => {
    const { deps, applications, started } = fakeDeps();
    const service = SERVICES["property-transfer"];
    const fields = { buyerNationalId: "330106199001010018", priceYuan: 1_000_000 };
    expect(await submitApplication(MEI, { applicationId: APP, serviceCode: service.code, consent: service.evidence.map((e) => e.recordType), fields }, deps)).toMatchObject({ kind: "created" });
    const stored = applications.get(APP)!.consent.fields as Record<string, unknown>;
    expect(JSON.stringify(stored)).not.toContain("330106199001010018");
    expect(isSealed(stored.buyerNationalId as string)).toBe(true);
    expect(cipher.open(stored.buyerNationalId as string)).toBe("330106199001010018");
    expect(stored.priceYuan).toBe(1_000_000);
    expect(started[0]!.subjectNationalId).toBe("110105199003070021");

    const retirement = SERVICES.retirement;
    const other = fakeDeps();
    await submitApplication(MEI, { applicationId: APP, serviceCode: retirement.code, consent: retirement.evidence.map((e) => e.recordType), fields: { bankAccount: "6222021234567890" } }, other.deps);
    const bank = other.applications.get(APP)!.consent.fields as Record<string, string>;
    expect(isSealed(bank.bankAccount!)).toBe(true);
    expect(cipher.open(bank.bankAccount!)).toBe("6222021234567890");
  });

  it("treats a resubmit of the same id as the same application (no second row; the start is idempotent)", async () => {
    const { deps, applications, started } = fakeDeps();
    await submitApplication(MEI, newborn(), deps);
    expect(await submitApplication(MEI, newborn(), deps)).toEqual({ kind: "existing", applicationId: APP });
    expect(applications.size).toBe(1);
    expect(started.map((s) => s.applicationId)).toEqual([APP, APP]);
  });

  it("answers someone else's id as if it did not exist, and starts nothing for them", async () => {
    const { deps, started } = fakeDeps();
    await submitApplication(MEI, newborn(), deps);
    expect(await submitApplication(LEI, newborn(), deps)).toEqual({ kind: "not-found" });
    expect(started).toHaveLength(1);
  });

  it("refuses an id already used for another service", async () => {
    const { deps, started } = fakeDeps();
    await submitApplication(MEI, newborn(), deps);
    const service = SERVICES["school-enrolment"];
    const result = await submitApplication(MEI, { applicationId: APP, serviceCode: service.code, consent: service.evidence.map((e) => e.recordType), fields: {} }, deps);
    expect(result).toEqual({ kind: "invalid", code: "id-used-for-another-service", message: expect.stringMatching(/another service/) });
    expect(started).toHaveLength(1);
  });

  it("refuses bad fields, partial consent and a malformed body before touching the database", async () => {
    const { deps, applications, started } = fakeDeps();
    expect(await submitApplication(MEI, newborn({ fields: {} }), deps)).toEqual({ kind: "invalid", code: "invalid", message: "fields.babyName: this is required" });
    expect(await submitApplication(MEI, newborn({ fields: { babyName: "王小宝", priceYuan: 5 } }), deps)).toMatchObject({ kind: "invalid", code: "invalid", message: expect.stringMatching(/fields\.priceYuan/) });
    expect(await submitApplication(MEI, newborn({ consent: CONSENT.slice(1) }), deps)).toMatchObject({ kind: "invalid", code: "invalid", message: expect.stringMatching(/every record/) });
    expect(await submitApplication(MEI, newborn({ applicationId: "not-a-uuid" }), deps)).toMatchObject({ kind: "invalid", code: "invalid", message: expect.stringMatching(/applicationId/) });
    expect(applications.size).toBe(0);
    expect(started).toEqual([]);
  });

  it("refuses an account with no national id, saying so", async () => {
    const { deps, applications } = fakeDeps();
    expect(await submitApplication(NO_ID, newborn(), deps)).toMatchObject({ kind: "invalid", code: "no-national-id" });
    expect(applications.size).toBe(0);
  });

  it("keeps the application when its case cannot start, so a resubmit can start it", async () => {
    const { deps, applications } = fakeDeps({ startFails: true });
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(await submitApplication(MEI, newborn(), deps)).toEqual({ kind: "not-started", applicationId: APP });
    } finally {
      console.error = quiet;
    }
    expect(applications.has(APP)).toBe(true);
  });
});
