import { randomUUID } from "node:crypto";
import { withDatabase } from "@visit-once/prisma";
import { appRoleName, dropAppRole, ensureAppRole, generateAppRolePassword } from "@visit-once/prisma/app-role";
import { ledgerTestDatabases } from "@visit-once/prisma/testing/ledger-databases";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productionDatabaseProblems } from "./production-database";

// Against the real PostgreSQL of the test run, where `postgres` IS a superuser; a database of
// its own, so the demo accounts other tests seed do not matter here.
const server = process.env.DATABASE_URL;
if (!server)
  throw new Error("DATABASE_URL is unset: run the tests through `npm test`, which creates a fresh database.");
const suffix = randomUUID().slice(0, 8);
const role = `vo_app_${suffix}`;
const ownerRole = `vo_owner_${suffix}`;
// A password of its own: the embedded PostgreSQL `npm test` starts without DATABASE_URL checks passwords.
const password = randomUUID().replaceAll("-", "");
const superuserUrl = withDatabase(server, `vo_prodcheck_${suffix}`);
const as = (user: string) => {
  const u = new URL(superuserUrl);
  u.username = user;
  u.password = password;
  return u.toString();
};
const appUrl = as(role);
const admin = new pg.Client({ connectionString: server });
const inDb = new pg.Client({ connectionString: superuserUrl });

beforeAll(async () => {
  await admin.connect();
  await admin.query(`CREATE DATABASE vo_prodcheck_${suffix}`);
  await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
  await admin.query(`CREATE ROLE ${ownerRole} LOGIN PASSWORD '${password}'`);
  await inDb.connect();
  await inDb.query(`CREATE TABLE "User" (email text PRIMARY KEY)`);
  await inDb.query(`GRANT SELECT ON "User" TO ${role}`);
  await inDb.query(`CREATE TABLE "AccessEvent" (seq bigint PRIMARY KEY)`);
  await inDb.query(`CREATE TABLE "LedgerCheckpoint" (seq bigint PRIMARY KEY)`);
  await inDb.query(`GRANT SELECT, INSERT ON "AccessEvent", "LedgerCheckpoint" TO ${role}`);
  await inDb.query(`CREATE TABLE "Owned" (x int)`);
  await inDb.query(`ALTER TABLE "Owned" OWNER TO ${ownerRole}`);
  await inDb.query(`GRANT SELECT ON "User" TO ${ownerRole}`);
});

afterAll(async () => {
  await inDb.end();
  await admin.query(`DROP DATABASE vo_prodcheck_${suffix}`);
  await admin.query(`DROP ROLE ${role}`);
  await admin.query(`DROP ROLE ${ownerRole}`);
  await admin.end();
});

describe("productionDatabaseProblems", () => {
  it("refuses a superuser connection, naming what to do", async () => {
    const problems = await productionDatabaseProblems(superuserUrl);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^DATABASE_URL: connects as "\w+", a superuser; connect as the application's own role and set VO_MIGRATION_DATABASE_URL to the owner/,
    );
  });

  it("accepts an ordinary role on a database without demo accounts", async () => {
    await inDb.query(`INSERT INTO "User" (email) VALUES ('someone@example.gov.cn')`);
    expect(await productionDatabaseProblems(appUrl)).toEqual([]);
  });

  it("refuses the owner of the tables, who could alter them or drop the ledger's trigger", async () => {
    expect(await productionDatabaseProblems(as(ownerRole))).toEqual([
      `DATABASE_URL: connects as "${ownerRole}", which owns the tables (it could alter them or drop the ledger's trigger); connect as the application's own role and set VO_MIGRATION_DATABASE_URL to the owner that migrates (the launcher grants the application's role)`,
    ]);
  });

  it("refuses a role that may change or remove ledger rows, or create roles", async () => {
    await inDb.query(`GRANT DELETE ON "LedgerCheckpoint" TO ${role}`);
    await admin.query(`ALTER ROLE ${role} CREATEROLE`);
    try {
      expect(await productionDatabaseProblems(appUrl)).toEqual([
        `DATABASE_URL: "${role}" may create roles or databases or bypass row security; ALTER ROLE ${role} NOCREATEROLE NOCREATEDB NOBYPASSRLS`,
        `DATABASE_URL: "${role}" may UPDATE, DELETE or TRUNCATE the access ledger; it may only SELECT and INSERT there (restarting with VO_MIGRATION_DATABASE_URL set grants it so)`,
      ]);
    } finally {
      await inDb.query(`REVOKE DELETE ON "LedgerCheckpoint" FROM ${role}`);
      await admin.query(`ALTER ROLE ${role} NOCREATEROLE`);
    }
  });

  it("refuses a database holding demo accounts", async () => {
    await inDb.query(
      `INSERT INTO "User" (email) VALUES ('admin@demo.visit-once.local'), ('mei@demo.visit-once.local')`,
    );
    expect(await productionDatabaseProblems(appUrl)).toEqual([
      "DATABASE_URL: holds 2 demo account(s) (*@demo.visit-once.local, published password); delete them — production never seeds them",
    ]);
  });
});

describe("the launcher's application role, on a migrated database", () => {
  const databases = ledgerTestDatabases();
  let appRole = "";
  afterAll(async () => {
    await databases.dropAll();
    if (appRole) await dropAppRole(server, appRole);
  }, 60_000);

  it("passes the production checks that the owner fails", async () => {
    const { db, url } = await databases.fresh();
    await db.$disconnect();
    appRole = appRoleName(url);
    const app = await ensureAppRole(url, generateAppRolePassword());
    expect(await productionDatabaseProblems(app)).toEqual([]);
    expect((await productionDatabaseProblems(url))[0]).toMatch(/a superuser/);
  }, 60_000);
});
