import { randomUUID } from "node:crypto";
import { withDatabase } from "@visit-once/prisma";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productionDatabaseProblems } from "./production-database";

// Against the real PostgreSQL of the test run, where `postgres` IS a superuser; a database of
// its own, so the demo accounts other tests seed do not matter here.
const server = process.env.DATABASE_URL;
if (!server) throw new Error("DATABASE_URL is unset: run the tests through `npm test`, which creates a fresh database.");
const suffix = randomUUID().slice(0, 8);
const role = `vo_app_${suffix}`;
// A password of its own: the embedded PostgreSQL `npm test` starts without DATABASE_URL checks passwords.
const password = randomUUID().replaceAll("-", "");
const superuserUrl = withDatabase(server, `vo_prodcheck_${suffix}`);
const appUrl = (() => {
  const u = new URL(superuserUrl);
  u.username = role;
  u.password = password;
  return u.toString();
})();
const admin = new pg.Client({ connectionString: server });
const inDb = new pg.Client({ connectionString: superuserUrl });

beforeAll(async () => {
  await admin.connect();
  await admin.query(`CREATE DATABASE vo_prodcheck_${suffix}`);
  await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
  await inDb.connect();
  await inDb.query(`CREATE TABLE "User" (email text PRIMARY KEY)`);
  await inDb.query(`GRANT SELECT ON "User" TO ${role}`);
});

afterAll(async () => {
  await inDb.end();
  await admin.query(`DROP DATABASE vo_prodcheck_${suffix}`);
  await admin.query(`DROP ROLE ${role}`);
  await admin.end();
});

describe("productionDatabaseProblems", () => {
  it("refuses a superuser connection, naming what to do", async () => {
    const problems = await productionDatabaseProblems(superuserUrl);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATABASE_URL: connects as "\w+", a superuser; connect as a role that only owns this database/);
  });

  it("accepts an ordinary role on a database without demo accounts", async () => {
    await inDb.query(`INSERT INTO "User" (email) VALUES ('someone@example.gov.cn')`);
    expect(await productionDatabaseProblems(appUrl)).toEqual([]);
  });

  it("refuses a database holding demo accounts", async () => {
    await inDb.query(`INSERT INTO "User" (email) VALUES ('admin@demo.visit-once.local'), ('mei@demo.visit-once.local')`);
    expect(await productionDatabaseProblems(appUrl)).toEqual([
      "DATABASE_URL: holds 2 demo account(s) (*@demo.visit-once.local, published password); delete them — production never seeds them",
    ]);
  });
});
