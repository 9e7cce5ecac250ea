import { createPrisma, type Db } from "@visit-once/prisma";
import { seedDemoAccounts } from "@visit-once/prisma/seed";

/** The migrated test database `npm test` made for this run. */
export async function testDatabase(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is unset: run the tests through `npm test`, which creates a fresh database.");
  const db = createPrisma(url);
  await seedDemoAccounts(db);
  return db;
}
