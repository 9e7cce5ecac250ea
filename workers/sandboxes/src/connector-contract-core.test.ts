// Contracts of the Public Security, Health and Civil Affairs APIs, end to end: sandbox →
// native format → connector → data standard, with provenance and typed failures.
import { ApplicationFailure } from "@temporalio/common";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import {
  DEPARTMENT_FAILED,
  RECORD_NOT_FOUND,
  RECORD_TYPES,
  provenanceSchema,
  type EvidenceRecord,
} from "@visit-once/workflows/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultDepartmentKey } from "@visit-once/workers/env";
import { type RunningSandbox, generatePopulation, startDepartmentSandboxes } from "./index";
import { fetchMarriage } from "@visit-once/workers/connectors/civil-affairs/client";
import { fetchBirthCertificate, fetchVaccination } from "@visit-once/workers/connectors/health/client";
import { fetchHousehold, fetchIdentity } from "@visit-once/workers/connectors/public-security/client";

const pop = generatePopulation({ families: 200, discrepancyRate: 0.2 });
let sandboxes: Record<string, RunningSandbox>;
const conn = (code: "public-security" | "health" | "civil-affairs") => ({
  url: sandboxes[code]!.url,
  key: defaultDepartmentKey(code),
});
const [mei] = DEMO_CITIZENS;
const UNKNOWN = "110101199001010011";

beforeAll(async () => {
  sandboxes = await startDepartmentSandboxes({ anyPort: true, env: {}, population: pop });
});
afterAll(async () => {
  await Promise.all(Object.values(sandboxes ?? {}).map((s) => s.close()));
});

function expectCanonical(r: EvidenceRecord) {
  expect(RECORD_TYPES[r.recordType].schema.safeParse(r.data).success).toBe(true);
  expect(provenanceSchema.safeParse(r.provenance).success).toBe(true);
}

async function expectNotFound(promise: Promise<unknown>) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApplicationFailure);
  expect((err as ApplicationFailure).type).toBe(RECORD_NOT_FOUND);
  expect((err as ApplicationFailure).nonRetryable).toBe(true);
}

describe("Public Security", () => {
  it("serves identity and household records in the data standard", async () => {
    const identity = await fetchIdentity(conn("public-security"), mei.nationalId);
    expectCanonical(identity);
    expect(identity.data).toMatchObject({ fullName: "王美", sex: "F", birthDate: "1992-03-15" });
    const household = await fetchHousehold(conn("public-security"), mei.nationalId);
    expectCanonical(household);
    const members = household.data.members as { relationToHead: string }[];
    expect(members.map((m) => m.relationToHead)).toEqual(expect.arrayContaining(["head", "spouse"]));
  });
  it("answers not found, and refuses a wrong key with a retryable error", async () => {
    await expectNotFound(fetchIdentity(conn("public-security"), UNKNOWN));
    await expectNotFound(fetchHousehold(conn("public-security"), UNKNOWN));
    const err = await fetchIdentity({ ...conn("public-security"), key: "wrong" }, mei.nationalId).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({ type: DEPARTMENT_FAILED, nonRetryable: false });
    expect((err as Error).message).toMatch(/credentials/);
  });
});

describe("Health Commission", () => {
  it("serves the newest birth certificate naming the parent", async () => {
    const birth = await fetchBirthCertificate(conn("health"), mei.nationalId);
    expectCanonical(birth);
    expect(birth.data.motherNationalId).toBe(mei.nationalId);
    expect(String(birth.data.birthDate) >= "2026-08-01").toBe(true);
  });
  it("serves a school-age child's full vaccination history, and a newborn's first doses", async () => {
    const withSchoolChild = pop.births.find((b) => b.childNationalId)!;
    const older = await fetchVaccination(conn("health"), withSchoolChild.motherId);
    expectCanonical(older);
    expect(older.data).toMatchObject({ personNationalId: withSchoolChild.childNationalId, upToDate: true });
    expect((older.data.doses as unknown[]).length).toBe(10);
    const onlyNewborn = pop.applicants.find(
      (id) => !pop.births.some((b) => b.childNationalId && (b.motherId === id || b.fatherId === id)),
    )!;
    const baby = await fetchVaccination(conn("health"), onlyNewborn);
    expect(baby.data.personNationalId).toBeNull();
    expect((baby.data.doses as { vaccine: string }[]).map((d) => d.vaccine).sort()).toEqual(["BCG", "HepB"]);
  });
  it("answers not found for a person with no children", async () => {
    await expectNotFound(fetchBirthCertificate(conn("health"), DEMO_CITIZENS[2].nationalId));
    await expectNotFound(fetchVaccination(conn("health"), UNKNOWN));
  });
});

describe("Civil Affairs", () => {
  it("reads every page and serves the latest registration", async () => {
    const marriage = await fetchMarriage(conn("civil-affairs"), mei.nationalId);
    expectCanonical(marriage);
    expect(marriage.data).toMatchObject({ status: "married" });
    expect(marriage.data.partyNationalIds).toContain(mei.nationalId);
  });
  it("shows a planted marital-status discrepancy as divorced", async () => {
    const bent = [...pop.discrepancies.values()].find((d) => d.kind === "marital-status");
    expect(bent, "the seed plants a marital-status discrepancy among 200 families at 20%").toBeDefined();
    const marriage = await fetchMarriage(conn("civil-affairs"), bent!.nationalId);
    expect(marriage.data.status).toBe("divorced");
  });
  it("answers not found for someone never married", async () => {
    await expectNotFound(fetchMarriage(conn("civil-affairs"), DEMO_CITIZENS[2].nationalId));
  });
});
