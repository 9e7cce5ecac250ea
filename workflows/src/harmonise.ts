// Harmonisation: given one application's canonical records, the conflicts between
// departments and the records that are missing. Pure and deterministic: runs in workflows.
import type { Conflict, ConflictValue, HarmonisationReport, MissingRecord } from "./contracts/harmonisation";
import { DEPARTMENTS, isDepartmentCode } from "./contracts/departments";
import type { EvidenceRecord } from "./contracts/records";

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

/** The applicant as each record describes them: [field, value] pairs with their source. */
function describeApplicant(
  subjectId: string,
  r: EvidenceRecord,
): Partial<Record<"fullName" | "birthDate" | "address", string>> {
  const d = r.data as Data;
  switch (r.recordType) {
    case "identity":
      return { fullName: str(d.fullName), birthDate: str(d.birthDate), address: str(d.householdAddress) };
    case "social-insurance":
      return { fullName: str(d.fullName), birthDate: str(d.birthDate) };
    case "medical-insurance":
      return { fullName: str(d.fullName), birthDate: str(d.birthDate), address: str(d.residentialAddress) };
    case "tax-clearance":
      return { fullName: str(d.taxpayerName) };
    case "household": {
      const members = (d.members as { nationalId: string; fullName: string }[] | undefined) ?? [];
      return { fullName: members.find((m) => m.nationalId === subjectId)?.fullName };
    }
    default:
      return {};
  }
}

export function harmonise(
  subjectNationalId: string,
  arrived: EvidenceRecord[],
  missing: MissingRecord[] = [],
): HarmonisationReport {
  // Records arrive in any order; the report must not depend on it.
  const records = [...arrived].sort((a, b) => a.recordType.localeCompare(b.recordType));
  const conflicts: Conflict[] = [];
  const byField = new Map<Conflict["field"], ConflictValue[]>();
  const add = (field: Conflict["field"], value: string | undefined, r: EvidenceRecord) => {
    if (!value) return;
    byField.set(field, [
      ...(byField.get(field) ?? []),
      { value, recordType: r.recordType, department: r.provenance.departmentCode },
    ]);
  };
  for (const r of records) {
    const seen = describeApplicant(subjectNationalId, r);
    add("fullName", seen.fullName, r);
    add("birthDate", seen.birthDate, r);
    add("address", seen.address, r);
  }
  // The birth date is also written in the identity number itself (GB 11643).
  const idBirthDate = `${subjectNationalId.slice(6, 10)}-${subjectNationalId.slice(10, 12)}-${subjectNationalId.slice(12, 14)}`;
  const birthDates = byField.get("birthDate");
  if (birthDates?.some((v) => v.value !== idBirthDate)) {
    birthDates.unshift({
      value: idBirthDate,
      recordType: "identity",
      department: "public-security",
      source: "identity-number",
    });
  }
  for (const [field, values] of byField) {
    if (new Set(values.map((v) => v.value)).size > 1) conflicts.push({ field, values });
  }

  const marriage = records.find((r) => r.recordType === "marriage");
  const household = records.find((r) => r.recordType === "household");
  if (marriage && household) {
    const d = household.data as Data;
    const members = (d.members as { nationalId: string; relationToHead: string }[] | undefined) ?? [];
    const head = str(d.headNationalId);
    const listsSpouse =
      members.some((m) => m.relationToHead === "spouse") &&
      (head === subjectNationalId ||
        members.some((m) => m.nationalId === subjectNationalId && m.relationToHead === "spouse"));
    const status = str((marriage.data as Data).status);
    if (listsSpouse && status === "divorced") {
      conflicts.push({
        field: "maritalStatus",
        values: [
          {
            value: "married (the household register lists a spouse)",
            meaning: "spouse-listed",
            recordType: "household",
            department: household.provenance.departmentCode,
          },
          { value: "divorced", recordType: "marriage", department: marriage.provenance.departmentCode },
        ],
      });
    }
  }

  const birth = records.find((r) => r.recordType === "birth-certificate");
  if (birth) {
    const b = birth.data as Data;
    if (b.motherNationalId !== subjectNationalId && b.fatherNationalId !== subjectNationalId) {
      conflicts.push({
        field: "parent",
        values: [
          {
            value: "the applicant",
            meaning: "the-applicant",
            recordType: "identity",
            department: "application",
            source: "application",
          },
          {
            value: [b.motherNationalId, b.fatherNationalId].filter(Boolean).join(", "),
            recordType: "birth-certificate",
            department: birth.provenance.departmentCode,
          },
        ],
      });
    }
  }
  return { conflicts, missing };
}

export const FIELD_WORDS: Record<Conflict["field"], { en: string; zh: string }> = {
  fullName: { en: "name", zh: "姓名" },
  birthDate: { en: "date of birth", zh: "出生日期" },
  address: { en: "address", zh: "住址" },
  maritalStatus: { en: "marital status", zh: "婚姻状况" },
  parent: { en: "parents on the birth certificate", zh: "出生医学证明上的父母" },
};

const departmentName = (code: string) => (isDepartmentCode(code) ? DEPARTMENTS[code].name.en : code);

/** One plain sentence per conflict, each value once with who holds it. */
export function describeConflict(c: Conflict): string {
  const holders = new Map<string, string[]>();
  for (const v of c.values) {
    const who = departmentName(v.department);
    const list = holders.get(v.value) ?? [];
    if (!list.includes(who)) list.push(who);
    holders.set(v.value, list);
  }
  const parts = [...holders].map(([value, who]) => `"${value}" (${who.join(", ")})`);
  return `The departments disagree on the ${FIELD_WORDS[c.field].en}: ${parts.join(" against ")}.`;
}
