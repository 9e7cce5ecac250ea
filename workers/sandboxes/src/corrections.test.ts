// Each department's correction endpoint, end to end in its own native style: the connector
// sends the corrected values, the sandbox changes its own data, the next read says the new
// value; a request the department cannot read, an unknown record and a wrong key are refused
// in the department's own way, and nothing changes.
import { ApplicationFailure } from "@temporalio/common";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import {
  type CorrectRecordInput,
  DEPARTMENT_FAILED,
  type DepartmentCode,
  type EvidenceRecord,
  type FieldCorrection,
  INVALID_DEPARTMENT_DATA,
  RECORD_NOT_FOUND,
  type RecordType,
} from "@visit-once/workflows/contracts";
import { CONNECTORS } from "@visit-once/workers/connectors";
import { CORRECTORS } from "@visit-once/workers/connectors/corrections";
import { defaultDepartmentKey } from "@visit-once/workers/env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePopulation, type RunningSandbox, startDepartmentSandboxes } from "./index";

const pop = generatePopulation({ families: 200, discrepancyRate: 0.1 });
let sandboxes: Record<DepartmentCode, RunningSandbox>;
const conn = (code: DepartmentCode, key = defaultDepartmentKey(code)) => ({ url: sandboxes[code].url, key });
const [mei] = DEMO_CITIZENS;
const UNKNOWN = "110101199001010011";

beforeAll(async () => {
  sandboxes = await startDepartmentSandboxes({ anyPort: true, env: {}, population: pop });
});
afterAll(async () => {
  await Promise.all(Object.values(sandboxes ?? {}).map((s) => s.close()));
});

const fetchRecord = (code: DepartmentCode, recordType: RecordType, id: string) =>
  CONNECTORS[code][recordType]!(conn(code), id);

/** The first of the candidates whose record the department holds. */
async function holder(
  code: DepartmentCode,
  recordType: RecordType,
  candidates: string[],
): Promise<{ id: string; record: EvidenceRecord }> {
  for (const id of candidates) {
    const record = await fetchRecord(code, recordType, id).catch(() => undefined);
    if (record) return { id, record };
  }
  throw new Error(`no holder of a ${recordType} record`);
}

const input = (
  recordType: RecordType,
  id: string,
  record: EvidenceRecord,
  fields: FieldCorrection[],
): CorrectRecordInput => ({
  correctionId: "3f1c8a52-6b0e-4d6f-9d8e-1a2b3c4d5e6f",
  recordType,
  subjectNationalId: id,
  record,
  fields,
  note: "经核实更正",
});

interface Case {
  code: DepartmentCode;
  recordType: RecordType;
  candidates: () => string[];
  fields: FieldCorrection[];
  expected: Record<string, unknown>;
  /** A request the department cannot read, in its own style: path, method, headers, and the native code it answers. */
  malformed: { method: string; path: string; headers: (key: string) => Record<string, string>; says: RegExp };
}

const CASES: Case[] = [
  {
    code: "public-security",
    recordType: "identity",
    candidates: () => [mei.nationalId],
    fields: [
      { field: "fullName", value: "王美美" },
      { field: "householdAddress", value: "浙江省杭州市上城区更正路1号" },
    ],
    expected: { fullName: "王美美", householdAddress: "浙江省杭州市上城区更正路1号" },
    malformed: {
      method: "PATCH",
      path: `/rkxx/v1/persons/${mei.nationalId}`,
      headers: (k) => ({ "x-psb-key": k }),
      says: /"code":"40001"/,
    },
  },
  {
    code: "public-security",
    recordType: "household",
    candidates: () => [mei.nationalId],
    fields: [{ field: "address", value: "浙江省杭州市上城区户籍路2号" }],
    expected: { address: "浙江省杭州市上城区户籍路2号" },
    malformed: {
      method: "PATCH",
      path: `/rkxx/v1/households?sfzh=${mei.nationalId}`,
      headers: (k) => ({ "x-psb-key": k }),
      says: /"code":"40001"/,
    },
  },
  {
    code: "health",
    recordType: "birth-certificate",
    candidates: () => [mei.nationalId],
    fields: [{ field: "birthPlace", value: "杭州市妇产科医院（更正）" }],
    expected: { birthPlace: "杭州市妇产科医院（更正）" },
    malformed: {
      method: "POST",
      path: `/mbc/certificates/amendments?parentId=${mei.nationalId}`,
      headers: (k) => ({ authorization: `ApiKey ${k}` }),
      says: /MalformedAmendment/,
    },
  },
  {
    code: "civil-affairs",
    recordType: "marriage",
    candidates: () => pop.marriages.filter((m) => m.status === "married").map((m) => m.wifeId),
    fields: [{ field: "status", value: "divorced" }],
    expected: { status: "divorced" },
    malformed: {
      method: "POST",
      path: `/hygl/marriages/corrections.csv?sfzh=${mei.nationalId}`,
      headers: (k) => ({ authorization: `Bearer ${k}` }),
      says: /DJZH,HYZK,GZYY,LSH/,
    },
  },
  {
    code: "human-resources",
    recordType: "social-insurance",
    candidates: () => pop.employments.map((e) => e.nationalId),
    fields: [{ field: "employerName", value: "杭州更正科技有限公司" }],
    expected: { employerName: "杭州更正科技有限公司" },
    malformed: {
      method: "POST",
      path: "/si/api/v1/corrections",
      headers: (k) => ({ "x-hrss-appkey": k }),
      says: /"resultCode":"1001"/,
    },
  },
  {
    code: "taxation",
    recordType: "tax-clearance",
    candidates: () => pop.taxes.filter((t) => t.outstandingYuan === 0).map((t) => t.nationalId),
    fields: [{ field: "outstandingAmountYuan", value: "1234.5" }],
    expected: { status: "outstanding", outstandingAmountYuan: 1234.5 },
    malformed: {
      method: "POST",
      path: "/etax/clearance/correction",
      headers: (k) => ({ authorization: `Token ${k}` }),
      says: /<Code>400<\/Code>/,
    },
  },
  {
    code: "natural-resources",
    recordType: "property",
    candidates: () => pop.properties.filter((p) => p.ownerIds.length === 1).map((p) => p.ownerIds[0]!),
    fields: [
      { field: "address", value: "杭州市西湖区更正苑3幢101室" },
      { field: "encumbered", value: "true" },
    ],
    expected: { address: "杭州市西湖区更正苑3幢101室", encumbered: true },
    malformed: {
      method: "POST",
      path: `/bdc/qlr/gz?zjh=${mei.nationalId}`,
      headers: (k) => ({ authorization: `Basic ${Buffer.from(`visit-once:${k}`).toString("base64")}` }),
      says: /BDCQZH;ZL;DYZT;GZYY;YWH/,
    },
  },
  {
    code: "market-regulation",
    recordType: "business-registration",
    candidates: () => pop.businesses.filter((b) => b.status === "active").map((b) => b.legalRepId),
    fields: [{ field: "status", value: "revoked" }],
    expected: { status: "revoked" },
    malformed: {
      method: "PATCH",
      path: "/gsxt/v2/entities/91330100MA27XXXX0X",
      headers: (k) => ({ "x-access-key": k }),
      says: /"status":400/,
    },
  },
  {
    code: "medical-security",
    recordType: "medical-insurance",
    candidates: () => pop.medicalInsurance.filter((m) => m.status === "active").map((m) => m.nationalId),
    fields: [
      { field: "residentialAddress", value: "杭州市拱墅区医保路4号" },
      { field: "status", value: "suspended" },
    ],
    expected: { residentialAddress: "杭州市拱墅区医保路4号", status: "suspended" },
    malformed: {
      method: "PATCH",
      path: `/ybj/insured/${mei.nationalId}`,
      headers: (k) => ({ "x-app-id": "visit-once", "x-app-key": k }),
      says: /"code":-2/,
    },
  },
];

describe.each(CASES)("$code corrects its $recordType record", (c) => {
  it("through its own endpoint: the next read says the corrected value, and a repeat changes nothing more", async () => {
    const { id, record } = await holder(c.code, c.recordType, c.candidates());
    await CORRECTORS[c.code](conn(c.code), input(c.recordType, id, record, c.fields));
    const after = await fetchRecord(c.code, c.recordType, id);
    expect(after.data).toMatchObject(c.expected);
    expect(after.provenance.rawSha256).not.toBe(record.provenance.rawSha256);
    await CORRECTORS[c.code](conn(c.code), input(c.recordType, id, record, c.fields));
    expect((await fetchRecord(c.code, c.recordType, id)).data).toEqual(after.data);
  });

  it("refuses a request it cannot read in its own format, a record it does not hold and a wrong key; nothing changes", async () => {
    const { id, record } = await holder(
      c.code,
      c.recordType,
      c.candidates().slice(1).concat(c.candidates().slice(0, 1)),
    );
    const before = await fetchRecord(c.code, c.recordType, id);
    const res = await fetch(`${sandboxes[c.code].url}${c.malformed.path}`, {
      method: c.malformed.method,
      headers: c.malformed.headers(defaultDepartmentKey(c.code)),
      body: "不是请求",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(c.malformed.says);

    const unknown = await CORRECTORS[c.code](conn(c.code), input(c.recordType, UNKNOWN, record, c.fields)).catch(
      (e: unknown) => e,
    );
    expect(unknown).toBeInstanceOf(ApplicationFailure);
    expect(unknown).toMatchObject({ type: RECORD_NOT_FOUND, nonRetryable: true });

    const wrongKey = await CORRECTORS[c.code](conn(c.code, "wrong"), input(c.recordType, id, record, c.fields)).catch(
      (e: unknown) => e,
    );
    expect(wrongKey).toMatchObject({ type: DEPARTMENT_FAILED, nonRetryable: false });
    expect((await fetchRecord(c.code, c.recordType, id)).data).toEqual(before.data);
  });
});

describe("a department corrects only its own record", () => {
  it("a name corrected at Public Security stays as it was at Medical Security", async () => {
    const zhou = DEMO_CITIZENS[3];
    const medical = await fetchRecord("medical-security", "medical-insurance", zhou.nationalId);
    const identity = await fetchRecord("public-security", "identity", zhou.nationalId);
    await CORRECTORS["public-security"](
      conn("public-security"),
      input("identity", zhou.nationalId, identity, [{ field: "fullName", value: "周敏敏" }]),
    );
    expect((await fetchRecord("public-security", "identity", zhou.nationalId)).data.fullName).toBe("周敏敏");
    expect((await fetchRecord("medical-security", "medical-insurance", zhou.nationalId)).data).toEqual(medical.data);
  });

  it("a record type a department has no endpoint for is refused before anything is sent", async () => {
    const record = await fetchRecord("health", "vaccination", mei.nationalId);
    const err = await CORRECTORS.health(
      conn("health"),
      input("vaccination", mei.nationalId, record, [{ field: "upToDate", value: "true" }]),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ type: INVALID_DEPARTMENT_DATA, nonRetryable: true });
  });
});
