import { findService, isStepOffice, type StepOffice } from "@visit-once/workflows/contracts";

/**
 * The offices a rating of a case may be about: those that decided one of its department steps,
 * in step order. The lead office — the one that issued the service's first outcome, else the
 * last step's — comes first: it answers a rating that names no office.
 */
export function ratableOffices(serviceCode: string, stepOffices: readonly (string | null)[]): StepOffice[] {
  const offices = [...new Set(stepOffices.filter((o): o is StepOffice => o !== null && isStepOffice(o)))];
  const lead = findService(serviceCode)?.outcomes[0]?.issuedBy ?? offices.at(-1);
  if (!lead) return offices;
  return [lead, ...offices.filter((o) => o !== lead)];
}
