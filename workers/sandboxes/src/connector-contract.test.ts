import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApplicationFailure } from "@temporalio/common";
import {
  DEPARTMENT_FAILED,
  type DepartmentCode,
  type EvidenceRecord,
  RECORD_NOT_FOUND,
  RECORD_TYPES,
  type RecordType,
  provenanceSchema,
  makeNationalId,
} from "@visit-once/workflows/contracts";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DepartmentConnection, defaultDepartmentKey } from "@visit-once/workers/env";
import { type RunningSandbox, generatePopulation, startDepartmentSandboxes } from "./index";
import { type DiscrepancyKind, nameVariant, shiftedBirthDate } from "./population";
import { fetchSocialInsurance } from "@visit-once/workers/connectors/human-resources/client";
import { fetchBusinessRegistration } from "@visit-once/workers/connectors/market-regulation/client";
import { fetchMedicalInsurance } from "@visit-once/workers/connectors/medical-security/client";
import { fetchProperty } from "@visit-once/workers/connectors/natural-resources/client";
import { fetchTaxClearance } from "@visit-once/workers/connectors/taxation/client";

// The contracts of the five departments' native APIs, end to end: each sandbox serves its
// department's view of the population, each connector turns it into the data standard.
// 400 families give the population's own discrepancies at these departments; a kind it
// does not plan for a department (none for natural resources or market regulation) is
// added to this test's population, which the sandboxes consult on every request.
const pop = generatePopulation({ families: 400 });

type Fetcher = (conn: DepartmentConnection, nationalId: string) => Promise<EvidenceRecord>;
interface Case {
  code: DepartmentCode;
  recordType: RecordType;
  fetch: Fetcher;
  /** Everyone the department holds a record of, in the truth. */
  holders: string[];
}

const CASES: Case[] = [
  {
    code: "human-resources",
    recordType: "social-insurance",
    fetch: fetchSocialInsurance,
    holders: pop.employments.map((e) => e.nationalId),
  },
  // Someone in arrears first, so both QSBZ flags are exercised.
  {
    code: "taxation",
    recordType: "tax-clearance",
    fetch: fetchTaxClearance,
    holders: [...pop.taxes].sort((a, b) => b.outstandingYuan - a.outstandingYuan).map((t) => t.nationalId),
  },
  {
    code: "natural-resources",
    recordType: "property",
    fetch: fetchProperty,
    holders: pop.properties.flatMap((p) => p.ownerIds),
  },
  {
    code: "market-regulation",
    recordType: "business-registration",
    fetch: fetchBusinessRegistration,
    holders: pop.businesses.map((b) => b.legalRepId),
  },
  {
    code: "medical-security",
    recordType: "medical-insurance",
    fetch: fetchMedicalInsurance,
    holders: pop.medicalInsurance.map((m) => m.nationalId),
  },
];

const demoIds = new Set<string>(DEMO_CITIZENS.map((c) => c.nationalId));
/** A holder no department sees askew: what the department holds is the truth. */
const plainHolder = (c: Case) => {
  const id = c.holders.find((h) => !pop.discrepancies.has(h) && !demoIds.has(h));
  if (!id) throw new Error(`no plain holder at ${c.code}`);
  return id;
};

/** A holder whose record at the department is bent by the given kind of discrepancy. */
function discrepant(c: Case, kind: DiscrepancyKind): string {
  const natural = [...pop.discrepancies.values()].find(
    (d) => d.department === c.code && d.kind === kind && c.holders.includes(d.nationalId),
  );
  if (natural) return natural.nationalId;
  const id = c.holders.find((h) => !pop.discrepancies.has(h) && !demoIds.has(h) && h !== plainHolder(c));
  if (!id) throw new Error(`no one to give a ${kind} discrepancy at ${c.code}`);
  pop.discrepancies.set(id, { nationalId: id, kind, department: c.code });
  return id;
}

const byCode = Object.fromEntries(CASES.map((c) => [c.code, c])) as Record<(typeof CASES)[number]["code"], Case>;
// Picked before the sandboxes start; injected discrepancies are in place from the first request.
const subjects = {
  plain: Object.fromEntries(CASES.map((c) => [c.code, plainHolder(c)])) as Record<string, string>,
  hrNameVariant: discrepant(byCode["human-resources"], "name-variant"),
  hrBirthDate: discrepant(byCode["human-resources"], "birth-date"),
  taxMissing: discrepant(byCode.taxation, "missing-record"),
  landMissing: discrepant(byCode["natural-resources"], "missing-record"),
  businessMissing: discrepant(byCode["market-regulation"], "missing-record"),
  msNameVariant: discrepant(byCode["medical-security"], "name-variant"),
  msOutdatedAddress: discrepant(byCode["medical-security"], "outdated-address"),
  msBirthDate: discrepant(byCode["medical-security"], "birth-date"),
};

let sandboxes: Record<DepartmentCode, RunningSandbox>;
beforeAll(async () => {
  sandboxes = await startDepartmentSandboxes({ anyPort: true, env: {}, population: pop });
});
afterAll(async () => {
  await Promise.all(Object.values(sandboxes ?? {}).map((s) => s.close()));
});

const conn = (code: DepartmentCode, key = defaultDepartmentKey(code)): DepartmentConnection => ({
  url: sandboxes[code].url,
  key,
});
const truth = (id: string) => pop.persons.get(id)!;

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  expect((error as ApplicationFailure).type).toBe(RECORD_NOT_FOUND);
  expect((error as ApplicationFailure).nonRetryable).toBe(true);
}

const unknownId = makeNationalId("330102", "1970-01-01", 999);

describe.each(CASES)("$code native contract", (c) => {
  it("returns a known person's record in the data standard, with provenance", async () => {
    const id = subjects.plain[c.code]!;
    const record = await c.fetch(conn(c.code), id);
    expect(record.recordType).toBe(c.recordType);
    expect(RECORD_TYPES[c.recordType].schema.safeParse(record.data).error).toBeUndefined();
    expect(provenanceSchema.safeParse(record.provenance).error).toBeUndefined();
    expect(record.provenance.departmentCode).toBe(c.code);
    expect(record.provenance.sourceRecordId).not.toBe("");
  });

  it("answers an unknown identity number with RecordNotFound", async () => {
    expect(pop.persons.has(unknownId)).toBe(false);
    await expectNotFound(c.fetch(conn(c.code), unknownId));
  });

  it("refuses a wrong key with a retryable error about credentials", async () => {
    const error = await c.fetch(conn(c.code, "not-the-key"), subjects.plain[c.code]!).then(
      () => undefined,
      (e: unknown) => e,
    );
    // Retryable, and typed as the department's failure: the workflow's retry budget counts it.
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ type: DEPARTMENT_FAILED, nonRetryable: false });
    expect((error as ApplicationFailure).details?.[0]).toEqual({ failedMs: expect.any(Number) });
    expect((error as Error).message).toMatch(/credentials/);
  });

  it("never puts its key in the URL (URLs end up in proxies' and servers' logs)", async () => {
    const seen: string[] = [];
    const recorder = http.createServer((req, res) => {
      seen.push(req.url ?? "");
      res.writeHead(401).end();
    });
    await new Promise<void>((resolve) => recorder.listen(0, "127.0.0.1", resolve));
    const key = "a-key-that-must-stay-in-headers";
    try {
      await c
        .fetch({ url: `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`, key }, subjects.plain[c.code]!)
        .catch(() => undefined);
    } finally {
      await new Promise((resolve) => recorder.close(resolve));
    }
    expect(seen.length).toBeGreaterThan(0);
    for (const url of seen) expect(decodeURIComponent(url)).not.toContain(key);
  });
});

describe("what each department holds", () => {
  it("human-resources: pages through every contributed month and folds them as the register holds them", async () => {
    const id = subjects.plain["human-resources"]!;
    const e = pop.employments.find((x) => x.nationalId === id)!;
    expect(e.contributionMonths).toBeGreaterThan(100); // more than one page of 100
    const { data, provenance } = await fetchSocialInsurance(conn("human-resources"), id);
    expect(data).toEqual({
      nationalId: id,
      fullName: truth(id).fullName,
      birthDate: truth(id).birthDate,
      employerName: e.employerName,
      firstMonth: e.firstMonth,
      lastMonth: e.lastMonth,
      contributionMonths: e.contributionMonths,
    });
    expect(provenance.sourceRecordId).toBe(`${id}/${e.firstMonth}..${e.lastMonth}`);
  });

  it("human-resources: a person never employed has no contributions", async () => {
    const unemployed = [...pop.persons.keys()].find((id) => !pop.employments.some((e) => e.nationalId === id))!;
    await expectNotFound(fetchSocialInsurance(conn("human-resources"), unemployed));
  });

  it("taxation: the clearance carries the arrears and the certificate number", async () => {
    const id = subjects.plain.taxation!;
    const tax = pop.taxes.find((t) => t.nationalId === id)!;
    expect(tax.outstandingYuan).toBeGreaterThan(0);
    const { data, provenance } = await fetchTaxClearance(conn("taxation"), id);
    expect(data).toMatchObject({
      taxpayerId: id,
      taxpayerName: truth(id).fullName,
      status: "outstanding",
      outstandingAmountYuan: tax.outstandingYuan,
      asOf: "2026-11-20",
    });
    expect(provenance.sourceRecordId).toBe(data.certificateNo);
    const clear = pop.taxes.find((t) => t.outstandingYuan === 0 && !pop.discrepancies.has(t.nationalId))!;
    expect((await fetchTaxClearance(conn("taxation"), clear.nationalId)).data).toMatchObject({
      status: "clear",
      outstandingAmountYuan: 0,
    });
  });

  it("natural-resources: the property as registered; no property is a header-only CSV", async () => {
    const id = subjects.plain["natural-resources"]!;
    const property = pop.properties.find((p) => p.ownerIds.includes(id))!;
    const { data, provenance } = await fetchProperty(conn("natural-resources"), id);
    expect(data).toEqual({
      certificateNo: property.certificateNo,
      address: property.address,
      region: property.region,
      areaSquareMetres: property.areaSquareMetres,
      ownerNationalIds: property.ownerIds,
      registeredOn: property.registeredOn,
      encumbered: property.encumbered,
    });
    expect(provenance.sourceRecordId).toBe(property.certificateNo);
    const landless = [...pop.persons.keys()].find((p) => !pop.properties.some((x) => x.ownerIds.includes(p)))!;
    await expectNotFound(fetchProperty(conn("natural-resources"), landless));
  });

  it("market-regulation: the entity, its status word, epoch-second date and 万元 capital", async () => {
    const id = subjects.plain["market-regulation"]!;
    const b = pop.businesses
      .filter((x) => x.legalRepId === id)
      .sort((x, y) => y.establishedOn.localeCompare(x.establishedOn))[0]!;
    const { data, provenance } = await fetchBusinessRegistration(conn("market-regulation"), id);
    expect(data).toEqual({
      creditCode: b.creditCode,
      name: b.name,
      legalRepresentativeNationalId: id,
      status: b.status,
      establishedOn: b.establishedOn,
      registeredCapitalYuan: b.registeredCapitalYuan,
    });
    expect(provenance.sourceRecordId).toBe(b.creditCode);
  });

  it("medical-security: the enrolment with scheme, state and dates", async () => {
    const id = subjects.plain["medical-security"]!;
    const m = pop.medicalInsurance.find((x) => x.nationalId === id)!;
    const { data } = await fetchMedicalInsurance(conn("medical-security"), id);
    expect(data).toEqual({
      nationalId: id,
      fullName: truth(id).fullName,
      birthDate: truth(id).birthDate,
      residentialAddress: truth(id).address,
      scheme: m.scheme,
      status: m.status,
      enrolledOn: m.enrolledOn,
    });
  });
});

describe("each department serves its own, sometimes wrong, view of a person", () => {
  it("human-resources: a name variant and a mis-keyed birth date", async () => {
    const named = await fetchSocialInsurance(conn("human-resources"), subjects.hrNameVariant);
    expect(named.data.fullName).toBe(nameVariant(truth(subjects.hrNameVariant).fullName));
    expect(named.data.fullName).not.toBe(truth(subjects.hrNameVariant).fullName);
    const dated = await fetchSocialInsurance(conn("human-resources"), subjects.hrBirthDate);
    expect(dated.data.birthDate).toBe(shiftedBirthDate(truth(subjects.hrBirthDate).birthDate));
    expect(dated.data.birthDate).not.toBe(truth(subjects.hrBirthDate).birthDate);
  });

  it("taxation: a taxpayer the bureau has lost is not found", async () => {
    expect(pop.taxes.some((t) => t.nationalId === subjects.taxMissing)).toBe(true);
    await expectNotFound(fetchTaxClearance(conn("taxation"), subjects.taxMissing));
  });

  it("natural-resources: an owner missing from the register is not found, while the co-owner still is", async () => {
    await expectNotFound(fetchProperty(conn("natural-resources"), subjects.landMissing));
    const property = pop.properties.find((p) => p.ownerIds.includes(subjects.landMissing))!;
    const coOwner = property.ownerIds.find((o) => o !== subjects.landMissing && !pop.discrepancies.has(o));
    if (coOwner)
      expect((await fetchProperty(conn("natural-resources"), coOwner)).data.certificateNo).toBe(property.certificateNo);
  });

  it("market-regulation: a legal representative missing from the registry is not found", async () => {
    await expectNotFound(fetchBusinessRegistration(conn("market-regulation"), subjects.businessMissing));
  });

  it("medical-security: a name variant, an outdated address and a mis-keyed birth date", async () => {
    const named = await fetchMedicalInsurance(conn("medical-security"), subjects.msNameVariant);
    expect(named.data.fullName).toBe(nameVariant(truth(subjects.msNameVariant).fullName));
    const moved = await fetchMedicalInsurance(conn("medical-security"), subjects.msOutdatedAddress);
    expect(moved.data.residentialAddress).toBe(truth(subjects.msOutdatedAddress).previousAddress);
    expect(moved.data.residentialAddress).not.toBe(truth(subjects.msOutdatedAddress).address);
    const dated = await fetchMedicalInsurance(conn("medical-security"), subjects.msBirthDate);
    expect(dated.data.birthDate).toBe(shiftedBirthDate(truth(subjects.msBirthDate).birthDate));
  });

  it("medical-security: Zhou Min's name is held as a homophone variant", async () => {
    const zhou = DEMO_CITIZENS[3].nationalId;
    const { data } = await fetchMedicalInsurance(conn("medical-security"), zhou);
    expect(data.fullName).toBe(nameVariant("周敏"));
    expect(data.fullName).not.toBe("周敏");
  });
});
