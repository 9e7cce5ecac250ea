import bcrypt from "bcryptjs";
import type { Db } from "./client";
import { DEMO_CITIZENS, DEMO_PASSWORD, DEMO_STAFF, DEMO_TOTP_SECRET } from "./demo-accounts";
import { type FieldCipher, identityNumberColumns } from "./at-rest";
import { seal } from "./secret-box";

/**
 * Idempotent: creates any missing demo account with the demo password; running it again
 * restores an existing account's name, identity number, role and department, but leaves its
 * password as it is. Demo staff are enrolled in the second factor with the public development
 * secret, sealed under `appSecret` (the web's NEXTAUTH_SECRET) so the web can read it. The
 * citizens' identity numbers are stored sealed under `cipher`, with their blind index.
 */
export async function seedDemoAccounts(db: Db, appSecret: string, cipher: FieldCipher): Promise<void> {
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  for (const c of DEMO_CITIZENS) {
    await db.user.upsert({
      where: { email: c.email },
      create: {
        email: c.email,
        name: c.name,
        ...identityNumberColumns(cipher, c.nationalId),
        role: "CITIZEN",
        passwordHash,
      },
      update: { name: c.name, ...identityNumberColumns(cipher, c.nationalId), role: "CITIZEN" },
    });
  }
  for (const s of DEMO_STAFF) {
    // Re-sealed at every seed: the app secret may have changed since the last one.
    const secondFactor = { totpSecret: seal(DEMO_TOTP_SECRET, appSecret), totpEnabledAt: new Date() };
    await db.user.upsert({
      where: { email: s.email },
      create: {
        email: s.email,
        name: s.name,
        role: s.role,
        departmentCode: s.departmentCode,
        passwordHash,
        ...secondFactor,
      },
      update: { name: s.name, role: s.role, departmentCode: s.departmentCode, ...secondFactor },
    });
  }
}
