/** GB 11643 citizen identity numbers: region(6) + birth date(8) + sequence(3) + ISO 7064 MOD 11-2 check. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function makeNationalId(region: string, birthDate: string, sequence: number): string {
  const body = `${region}${birthDate.replaceAll("-", "")}${String(sequence % 1000).padStart(3, "0")}`;
  return body + checkCharacter(body);
}

export function isValidNationalId(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && checkCharacter(id.slice(0, 17)) === id[17];
}
