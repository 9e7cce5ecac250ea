import { randomUUID } from "node:crypto";
import { createPrisma, type Db, type Role } from "@visit-once/prisma";

/** The migrated database `npm test` made for this run (tests use real PostgreSQL). */
export function testDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      "DATABASE_URL is unset: run the tests through `npm test`, which creates a fresh, migrated database.",
    );
  return createPrisma(url);
}

/** A fresh account of its own for one test (unique email, so tests never share state). */
export async function testAccount(db: Db, role: Role, departmentCode: string | null = null) {
  return db.user.create({
    data: {
      email: `${role.toLowerCase()}-${randomUUID()}@test.visit-once.local`,
      name: "Test",
      passwordHash: "-",
      role,
      departmentCode,
    },
  });
}
