import type { Db } from "@visit-once/prisma";
import { maskSensitive, openSensitive } from "@visit-once/prisma/at-rest";
import { fieldCipher } from "@/env";
import { isUuid } from "@/lib/validation";
import { readConflict } from "../staff/conflict";
import { db as defaultDb } from "../db";

/**
 * The conflict value a caseworker chose, in clear: the page offers values masked (a conflict over
 * parents names identity numbers), so a masked choice is matched back to the value it shows. Any
 * other choice is passed on as it is (the workflow refuses a value the departments do not hold).
 */
export async function chosenValue(exceptionId: string, chosen: string, db: Db = defaultDb()): Promise<string> {
  if (!chosen.includes("*") || !isUuid(exceptionId)) return chosen;
  const x = await db.caseException.findUnique({ where: { id: exceptionId }, select: { conflict: true } });
  const conflict = readConflict(openSensitive(x?.conflict ?? null, fieldCipher()));
  return conflict?.values.find((v) => maskSensitive(v.value) === chosen)?.value ?? chosen;
}
