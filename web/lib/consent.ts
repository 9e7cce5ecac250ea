/** The citizen must agree to exactly the records the service needs: no fewer, no others. */
export function checkConsent(required: readonly string[], consent: readonly string[]): string | null {
  const given = new Set(consent);
  if (given.size !== consent.length) return "consent lists a record more than once.";
  const missing = required.filter((r) => !given.has(r));
  const extra = consent.filter((r) => !required.includes(r));
  if (missing.length > 0) {
    return `You must agree to share every record this service needs. Missing: ${missing.join(", ")}.`;
  }
  if (extra.length > 0) return `This service does not use these records: ${extra.join(", ")}.`;
  return null;
}
