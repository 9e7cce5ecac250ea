/** Verification codes look like VO-3F9A-C2D1-77B0; anything else is not looked up. */
const VERIFICATION_CODE_PATTERN = /^VO(-[0-9A-F]{4}){3}$/;

export function normaliseVerificationCode(raw: string): string {
  return raw.trim().toUpperCase();
}

export function isVerificationCode(raw: string): boolean {
  return VERIFICATION_CODE_PATTERN.test(normaliseVerificationCode(raw));
}
