import { createPrisma, type Db } from "@visit-once/prisma";
import { Pool } from "pg";

// Tests run against the real, migrated PostgreSQL that `npm test` makes (DATABASE_URL).
function url(): string {
  const value = process.env.DATABASE_URL;
  if (!value)
    throw new Error(
      "DATABASE_URL is unset: run the tests through `npm test`, which creates a fresh migrated database.",
    );
  return value;
}

export const testDb = (): Db => createPrisma(url());
export const testPool = (): Pool => new Pool({ connectionString: url(), max: 4 });
