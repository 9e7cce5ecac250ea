import type { Db } from "../client";
import type { FieldCipher } from "./field-cipher";

/** The columns an account's identity number is stored in: sealed, and its blind index for look-ups. */
export function identityNumberColumns(
  cipher: FieldCipher,
  nationalId: string,
): { nationalId: string; nationalIdIndex: string } {
  return { nationalId: cipher.seal(nationalId), nationalIdIndex: cipher.blindIndex(nationalId) };
}

/** The account holding this identity number, found by its blind index (the number itself is never compared in SQL). */
export async function findUserIdByNationalId(db: Db, cipher: FieldCipher, nationalId: string): Promise<string | null> {
  const user = await db.user.findUnique({
    where: { nationalIdIndex: cipher.blindIndex(nationalId) },
    select: { id: true },
  });
  return user?.id ?? null;
}
