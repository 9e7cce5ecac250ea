import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SERVICES } from "./services";

// Editing a service makes a new version: a case carries the definition it was submitted under,
// and the version says which one it was (the consent records it; the admin console shows it).
// Each version's fingerprint is recorded here, so an edit without a new version fails. To edit
// a service: change it, raise its `version`, and add the new line below (keep the old ones).
const RECORDED: Record<string, Record<number, string>> = {
  "newborn-registration": { 2: "f70d536b17500dd7", 3: "d9bb90ec9033d7b3" },
  "business-startup": { 1: "e985f1158fa30a09" },
  "property-transfer": { 1: "29995df5e754dc38" },
  "school-enrolment": { 1: "1fb94d2071e96f26", 2: "5c4897ed730a1221" },
  retirement: { 1: "944d6a6aba611e6f" },
  "child-medical-insurance": { 1: "fcddc7b7be58ebc9" },
};

/** Object keys sorted at every depth, so only the content counts, not the order it is written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

const fingerprint = (definition: unknown) =>
  createHash("sha256").update(canonical(definition)).digest("hex").slice(0, 16);

describe("service versions", () => {
  it.each(Object.values(SERVICES))("$code: its content is the one recorded for its version", (service) => {
    const recorded = RECORDED[service.code]?.[service.version];
    expect(
      recorded,
      `${service.code} version ${service.version} is not recorded: if you edited the service, raise its version and record ${fingerprint(service)}`,
    ).toBeDefined();
    expect(
      fingerprint(service),
      `${service.code} changed without a new version: raise its version and record the new fingerprint`,
    ).toBe(recorded);
  });

  it("tells an edit apart from the same content written in another order", () => {
    const service = SERVICES.retirement;
    expect(fingerprint({ ...service, title: { zh: service.title.zh, en: service.title.en } })).toBe(
      fingerprint(service),
    );
    expect(
      fingerprint({
        ...service,
        steps: service.steps.map((s) => ({ ...s, deadlineWorkingDays: s.deadlineWorkingDays + 1 })),
      }),
    ).not.toBe(fingerprint(service));
  });
});
