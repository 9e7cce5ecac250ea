import { randomUUID } from "node:crypto";
import { createPrisma, type Db, type Role } from "@visit-once/prisma";

// Specs that need an account of their own make it here, straight in the database the stack
// uses (`npm test` gives Playwright its DATABASE_URL).
let client: Db | undefined;

export function database(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is unset: run the e2e specs through `npm test -- e2e`.");
  client ??= createPrisma(url);
  return client;
}

/** A new staff account that has never signed in (no second factor), with the demo password; returns its email and id. */
export async function freshStaffAccount(
  role: Role = "CASEWORKER",
  departmentCode: string | null = null,
): Promise<{ id: string; email: string; name: string }> {
  const db = database();
  // The demo caseworker's hash: the new account's password is the demo password.
  const { passwordHash } = await db.user.findUniqueOrThrow({
    where: { email: "caseworker@demo.visit-once.local" },
    select: { passwordHash: true },
  });
  const tag = randomUUID().slice(0, 8);
  const name = `New caseworker ${tag}`;
  const user = await db.user.create({
    data: { email: `staff-${tag}@e2e.visit-once.local`, name, passwordHash, role, departmentCode },
  });
  return { id: user.id, email: user.email, name };
}
