// GB 11643 citizen identity numbers: region (6 digits) + birth date (8) + sequence (3) +
// an ISO 7064 MOD 11-2 check character. The sandboxes make them; the web checks the ones
// people type (a buyer's, say) before any department is asked about them.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/** The province-level codes a region can start with (GB/T 2260), Hong Kong, Macao and Taiwan included. */
const PROVINCES = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "81",
  "82",
  "83",
]);

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function makeNationalId(region: string, birthDate: string, sequence: number): string {
  const body = `${region}${birthDate.replaceAll("-", "")}${String(sequence % 1000).padStart(3, "0")}`;
  return body + checkCharacter(body);
}

export type NationalIdProblem = "shape" | "region" | "birth-date" | "check-character";

/**
 * What is wrong with an identity number, or null. `today` (YYYY-MM-DD) bounds the birth date;
 * it is a parameter so the check stays pure.
 */
export function nationalIdProblem(id: string, today: string): NationalIdProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return "shape";
  if (!PROVINCES.has(id.slice(0, 2)) || id.slice(2, 6) === "0000") return "region";
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== birth ||
    birth < "1900-01-01" ||
    birth > today
  )
    return "birth-date";
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return "check-character";
  return null;
}

/** Shape and check character only (the synthetic population's numbers, whatever the date). */
export function isValidNationalId(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && checkCharacter(id.slice(0, 17)) === id[17];
}
