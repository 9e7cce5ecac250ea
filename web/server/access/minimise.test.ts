import type { Role, StepStatus } from "@visit-once/prisma";
import {
  RECORD_TYPE_CODES,
  RECORD_TYPES,
  type RecordType,
  SERVICES,
  type ServiceDefinition,
  stepGrant,
} from "@visit-once/workflows/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exceptionRecordTypes, minimiseRecords, minimiseTyped, pickFields, wasOffered } from "./minimise";
import { type Actor, decide } from "./policy";

const services = Object.values(SERVICES) as ServiceDefinition[];
const STATUSES: StepStatus[] = [
  "PENDING",
  "RUNNING",
  "DONE",
  "FAILED",
  "AWAITING_DECISION",
  "AWAITING_CITIZEN",
  "REJECTED",
  "REVOKED",
  "CANCELLED",
];
const fieldsOf = (type: RecordType) => Object.keys(RECORD_TYPES[type].schema.shape);
const ALL_TYPED = [...new Set(services.flatMap((s) => s.citizenFields.map((f) => f.name)))];

/** A service and one of its steps. */
const serviceStep = fc.constantFrom(...services.flatMap((service) => service.steps.map((step) => ({ service, step }))));
/** A record of any type, holding any of its standard fields plus fields no standard has. */
const record = fc.constantFrom(...RECORD_TYPE_CODES).chain((recordType) =>
  fc.record({
    recordType: fc.constant(recordType),
    data: fc.dictionary(
      fc.oneof(fc.constantFrom(...fieldsOf(recordType)), fc.string({ maxLength: 8 })),
      fc.string({ maxLength: 6 }),
    ),
  }),
);
/** What a citizen's stored consent might hold: any service's typed fields and anything else. */
const typed = fc.dictionary(
  fc.oneof(fc.constantFrom(...ALL_TYPED), fc.string({ maxLength: 8 })),
  fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.constant(null)),
);
const actor: fc.Arbitrary<Actor> = fc.record({
  id: fc.constantFrom("u1", "u2"),
  role: fc.constantFrom<Role[]>("CITIZEN", "CASEWORKER", "OFFICER", "ADMIN"),
  departmentCode: fc.option(fc.constantFrom(...new Set(services.flatMap((s) => s.steps.map((st) => st.office)))), {
    nil: null,
  }),
});
const stepState = fc.record({ status: fc.constantFrom(...STATUSES), startedAt: fc.option(fc.date(), { nil: null }) });

/** What a viewer is shown of one step, the way get-task composes the policy and the filters. */
function shownOnTask(
  viewer: Actor,
  service: ServiceDefinition,
  stepKey: string,
  office: string,
  state: { status: StepStatus; startedAt: Date | null },
  records: { recordType: string; data: unknown }[],
  consent: unknown,
) {
  const offered = wasOffered(state);
  if (!decide(viewer, "read", { kind: "task", office, offered }).allowed) return null;
  const grant = stepGrant(service.code, stepKey);
  const grantedTo = Object.keys(grant.records);
  const seen = records.filter(
    (r) => decide(viewer, "read", { kind: "evidence", office, recordType: r.recordType, grantedTo, offered }).allowed,
  );
  return { records: minimiseRecords(grant, seen), typed: minimiseTyped(grant, service.citizenFields, consent) };
}

describe("field-level minimisation, over services × steps × fields × roles", () => {
  it("what any viewer is shown of a step is a subset of what the definition grants that step", () => {
    fc.assert(
      fc.property(
        actor,
        serviceStep,
        stepState,
        fc.array(record, { maxLength: 8 }),
        typed,
        (viewer, { service, step }, state, records, consent) => {
          const shown = shownOnTask(viewer, service, step.key, step.office, state, records, consent);
          if (!shown) return;
          const granted = step.sees.records as Partial<Record<string, string[]>>;
          for (const r of shown.records) {
            expect(granted[r.recordType], r.recordType).toBeDefined();
            for (const field of Object.keys(r.data)) expect(granted[r.recordType]).toContain(field);
          }
          for (const f of shown.typed) expect(step.sees.typed).toContain(f.name);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("only an officer of the step's office, and only once the step is offered, is shown anything", () => {
    fc.assert(
      fc.property(
        actor,
        serviceStep,
        stepState,
        fc.array(record, { maxLength: 4 }),
        typed,
        (viewer, { service, step }, state, records, consent) => {
          const shown = shownOnTask(viewer, service, step.key, step.office, state, records, consent);
          if (viewer.role === "OFFICER" && viewer.departmentCode === step.office && wasOffered(state))
            expect(shown).not.toBeNull();
          else expect(shown).toBeNull();
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("a granted record keeps exactly its granted fields, values unchanged; any other record is dropped", () => {
    fc.assert(
      fc.property(serviceStep, record, ({ step }, r) => {
        const granted = (step.sees.records as Partial<Record<string, string[]>>)[r.recordType];
        const expected = granted
          ? [
              {
                recordType: r.recordType,
                data: Object.fromEntries(Object.entries(r.data).filter(([k]) => granted.includes(k))),
              },
            ]
          : [];
        expect(minimiseRecords(step.sees, [r])).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("a caseworker is shown only the records of the exception's own record types", () => {
    const exception = fc.record({
      recordType: fc.option(fc.constantFrom(...RECORD_TYPE_CODES), { nil: null }),
      conflict: fc.option(
        fc.record({
          field: fc.constant("fullName"),
          values: fc.array(
            fc.record({
              value: fc.string(),
              recordType: fc.constantFrom(...RECORD_TYPE_CODES),
              department: fc.constant("x"),
            }),
            { maxLength: 3 },
          ),
        }),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(exception, fc.array(record, { maxLength: 10 }), (x, records) => {
        const allowedTypes = new Set([x.recordType, ...(x.conflict?.values.map((v) => v.recordType) ?? [])]);
        const types = exceptionRecordTypes(x);
        for (const t of types) expect(allowedTypes).toContain(t);
        for (const r of records.filter((rec) => types.includes(rec.recordType)))
          expect(allowedTypes).toContain(r.recordType);
      }),
    );
  });
});

describe("the filters", () => {
  it("the Medical Security officer's retirement step is not given the pension's bank account; Human Resources' is", () => {
    const consent = { bankAccount: "6222020200112233445" };
    const fields = SERVICES.retirement.citizenFields;
    expect(minimiseTyped(stepGrant("retirement", "medical-insurance-change"), fields, consent)).toEqual([]);
    expect(minimiseTyped(stepGrant("retirement", "pension-approval"), fields, consent)).toEqual([
      { name: "bankAccount", label: fields[0].label, value: "6222020200112233445" },
    ]);
  });

  it("keeps only the granted fields of granted records and drops other record types", () => {
    const grant = { records: { identity: ["fullName", "birthDate"] }, typed: [] };
    const records = [
      {
        recordType: "identity",
        data: { nationalId: "330105196403080027", fullName: "吴芳", birthDate: "1964-03-08", householdAddress: "x" },
      },
      { recordType: "marriage", data: { status: "married" } },
    ];
    expect(minimiseRecords(grant, records)).toEqual([
      { recordType: "identity", data: { fullName: "吴芳", birthDate: "1964-03-08" } },
    ]);
  });

  it("gives nothing for an unknown service or step, and reads only objects", () => {
    expect(stepGrant("no-such-service", "x")).toEqual({ records: {}, typed: [] });
    expect(stepGrant("retirement", "no-such-step")).toEqual({ records: {}, typed: [] });
    expect(pickFields(null, ["a"])).toEqual({});
    expect(pickFields(["a"], ["0"])).toEqual({});
    expect(pickFields({ a: 1, b: 2 }, ["b"])).toEqual({ b: 2 });
  });

  it("keeps typed fields in the service's order, dropping empty ones and ones the service does not define", () => {
    const fields = SERVICES["business-startup"].citizenFields;
    const grant = { records: {}, typed: ["address", "companyName", "smuggled"] };
    const shown = minimiseTyped(grant, fields, {
      address: "杭州",
      companyName: "",
      smuggled: "x",
      registeredCapitalYuan: 5,
    });
    expect(shown.map((f) => f.name)).toEqual(["address"]);
    expect(minimiseTyped(grant, fields, "not an object")).toEqual([]);
  });

  it("counts a step as offered once it awaits its office, and a cancelled one only if it had been started", () => {
    expect(wasOffered({ status: "PENDING", startedAt: null })).toBe(false);
    expect(wasOffered({ status: "AWAITING_DECISION", startedAt: new Date() })).toBe(true);
    expect(wasOffered({ status: "AWAITING_CITIZEN", startedAt: new Date() })).toBe(true);
    expect(wasOffered({ status: "DONE", startedAt: new Date() })).toBe(true);
    expect(wasOffered({ status: "CANCELLED", startedAt: null })).toBe(false);
    expect(wasOffered({ status: "CANCELLED", startedAt: new Date() })).toBe(true);
  });

  it("ties a conflict to every record holding one of its values, and nothing to an exception without a record", () => {
    const conflict = {
      field: "fullName",
      values: [
        { value: "周敏", recordType: "identity", department: "public-security" },
        { value: "周民", recordType: "medical-insurance", department: "medical-security" },
      ],
    };
    expect(exceptionRecordTypes({ recordType: "medical-insurance", conflict })).toEqual([
      "medical-insurance",
      "identity",
    ]);
    expect(exceptionRecordTypes({ recordType: null, conflict: null })).toEqual([]);
    expect(exceptionRecordTypes({ recordType: "birth-certificate", conflict: { malformed: true } })).toEqual([
      "birth-certificate",
    ]);
  });
});
