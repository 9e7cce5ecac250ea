// The details departments already hold, harmonised from the evidence records: shown to the
// citizen prefilled and locked, each with the record it came from. Client-safe and pure.

export type PrefillField = "fullName" | "sex" | "birthDate" | "address";

/** For each detail, where to read it, in order of preference (the identity record first). */
const SOURCES: Record<PrefillField, readonly (readonly [recordType: string, field: string])[]> = {
  fullName: [
    ["identity", "fullName"],
    ["medical-insurance", "fullName"],
    ["social-insurance", "fullName"],
    ["tax-clearance", "taxpayerName"],
  ],
  sex: [["identity", "sex"]],
  birthDate: [
    ["identity", "birthDate"],
    ["medical-insurance", "birthDate"],
    ["social-insurance", "birthDate"],
  ],
  address: [
    ["identity", "householdAddress"],
    ["household", "address"],
    ["medical-insurance", "residentialAddress"],
  ],
};
const PREFILL_FIELDS = Object.keys(SOURCES) as PrefillField[];

export interface PlannedPrefill {
  field: PrefillField;
  recordType: string;
}

export interface PrefillValue extends PlannedPrefill {
  value: string;
  departmentCode: string;
}

/** Before the records arrive: which record each detail will come from, given the records a service uses. */
export function planPrefill(recordTypes: readonly string[]): PlannedPrefill[] {
  return PREFILL_FIELDS.flatMap((field) => {
    const source = SOURCES[field].find(([recordType]) => recordTypes.includes(recordType));
    return source ? [{ field, recordType: source[0] }] : [];
  });
}

/** After they arrive: each detail's value from the first record that holds it. */
export function prefillFromRecords(
  records: readonly { recordType: string; departmentCode: string; data: unknown }[],
): PrefillValue[] {
  return PREFILL_FIELDS.flatMap((field) => {
    for (const [recordType, key] of SOURCES[field]) {
      const record = records.find((r) => r.recordType === recordType);
      const data = record?.data;
      if (!record || typeof data !== "object" || data === null) continue;
      const value = (data as Record<string, unknown>)[key];
      if (typeof value === "string" && value.trim() !== "")
        return [{ field, recordType, value, departmentCode: record.departmentCode }];
    }
    return [];
  });
}
