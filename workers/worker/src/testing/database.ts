import { createPrisma, type Db } from "@visit-once/prisma";
import { testFieldCipher } from "@visit-once/prisma/at-rest";
import { seedDemoAccounts } from "@visit-once/prisma/seed";

/** The migrated test database `npm test` made for this run. */
export async function testDatabase(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is unset: run the tests through `npm test`, which creates a fresh database.");
  const db = createPrisma(url);
  // The demo staff's second factor is sealed under this; the tests never open it. Identity
  // numbers are sealed with the tests' public keys, which the workers' env reads under vitest.
  await seedDemoAccounts(db, "test-app-secret", testFieldCipher());
  return db;
}
