/** GB 32100 unified social credit codes: 18 characters, the last a MOD 31 check character. */
const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new Error(`"${first17[i]}" is not allowed in a unified social credit code`);
    sum += value * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** A code for an enterprise (91…) registered by market regulation in the given region. */
export function makeCreditCode(region: string, organisation9: string): string {
  const body = `91${region}${organisation9}`;
  return body + creditCheckCharacter(body);
}

export function isValidCreditCode(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && creditCheckCharacter(code.slice(0, 17)) === code[17];
}
