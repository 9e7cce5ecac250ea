import type { CorrectRecordInput, DepartmentCode, FieldCorrection } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../env";
import { invalidData, notFound, type RawResponse } from "./http";
import { correctCivilAffairs } from "./civil-affairs/correction";
import { correctHealth } from "./health/correction";
import { correctHumanResources } from "./human-resources/correction";
import { correctMarketRegulation } from "./market-regulation/correction";
import { correctMedicalSecurity } from "./medical-security/correction";
import { correctNaturalResources } from "./natural-resources/correction";
import { correctPublicSecurity } from "./public-security/correction";
import { correctTaxation } from "./taxation/correction";

// Corrections at the source: each department's connector sends the officer's corrected values
// to the department's own correction endpoint, in its native format, with the correction's id
// as the department's serial (a retry corrects once: the same values set again).

export type Corrector = (conn: DepartmentConnection, input: CorrectRecordInput) => Promise<void>;

export const CORRECTORS: Record<DepartmentCode, Corrector> = {
  "public-security": correctPublicSecurity,
  health: correctHealth,
  "civil-affairs": correctCivilAffairs,
  "human-resources": correctHumanResources,
  taxation: correctTaxation,
  "natural-resources": correctNaturalResources,
  "market-regulation": correctMarketRegulation,
  "medical-security": correctMedicalSecurity,
};

/** A correction's answer: 200 is done, 404 the department holds no such record, anything else a request it could not use. */
export function expectCorrected(department: string, res: RawResponse, what: string): void {
  if (res.status === 404) throw notFound(department, what);
  if (res.status !== 200) throw invalidData(department, `correction answered HTTP ${res.status}`);
}

/** The corrected value of a field, or undefined when the correction leaves it. */
export const valueOf = (fields: readonly FieldCorrection[], field: string): string | undefined =>
  fields.find((f) => f.field === field)?.value;

/** A field the record does not carry (the workflow checks the fields first, so only a caller's mistake). */
export function unsupported(department: string, recordType: string): never {
  throw invalidData(department, `no correction endpoint for ${recordType}`);
}
