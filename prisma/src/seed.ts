import bcrypt from "bcryptjs";
import type { Db } from "./client";
import { DEMO_CITIZENS, DEMO_PASSWORD, DEMO_STAFF } from "./demo-accounts";

/**
 * Idempotent: creates any missing demo account with the demo password; running it again
 * restores an existing account's name, identity number, role and department, but leaves its
 * password as it is.
 */
export async function seedDemoAccounts(db: Db): Promise<void> {
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  for (const c of DEMO_CITIZENS) {
    await db.user.upsert({
      where: { email: c.email },
      create: { email: c.email, name: c.name, nationalId: c.nationalId, role: "CITIZEN", passwordHash },
      update: { name: c.name, nationalId: c.nationalId, role: "CITIZEN" },
    });
  }
  for (const s of DEMO_STAFF) {
    await db.user.upsert({
      where: { email: s.email },
      create: { email: s.email, name: s.name, role: s.role, departmentCode: s.departmentCode, passwordHash },
      update: { name: s.name, role: s.role, departmentCode: s.departmentCode },
    });
  }
}
