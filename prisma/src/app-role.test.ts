import { createHash, createHmac } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appRoleName,
  dropAppRole,
  ensureAppRole,
  generateAppRolePassword,
  grantAppRole,
  scramVerifier,
} from "./app-role";
import { createPrisma, type Db } from "./client";
import { poolConfig } from "./database-url";
import { appendAccessEvents, generateLedgerKeyPem, parseLedgerKey, verifyLedger } from "./ledger";
import { ledgerTestDatabases } from "./testing/ledger-databases";

// On the real, migrated PostgreSQL of the test run: the owner (the test server's superuser)
// makes the app role; everything below then runs AS that role, as the web and workers do.
const databases = ledgerTestDatabases();
const key = parseLedgerKey(generateLedgerKeyPem());
let ownerUrl = "";
let appUrl = "";
let role = "";
let app: Db;
const clients: pg.Client[] = [];

async function sql(url: string, text: string, params: unknown[] = []) {
  const client = new pg.Client(poolConfig(url));
  clients.push(client);
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}
const asApp = (text: string, params: unknown[] = []) => sql(appUrl, text, params);
const asOwner = (text: string, params: unknown[] = []) => sql(ownerUrl, text, params);

beforeAll(async () => {
  const fresh = await databases.fresh();
  ownerUrl = fresh.url;
  await fresh.db.$disconnect();
  role = appRoleName(ownerUrl);
  appUrl = await ensureAppRole(ownerUrl, generateAppRolePassword());
  app = createPrisma(appUrl);
}, 60_000);

afterAll(async () => {
  await app?.$disconnect();
  await databases.dropAll();
  await dropAppRole(process.env.DATABASE_URL!, role);
}, 60_000);

describe("the application's database role, on PostgreSQL", () => {
  it("is its own login, named after the database, with no power over the server", async () => {
    expect(role).toBe(`${poolConfig(ownerUrl).database}_app`);
    const me = await asApp(
      "SELECT current_user AS name, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls, rolreplication FROM pg_roles WHERE rolname = current_user",
    );
    expect(me.rows).toEqual([
      {
        name: role,
        rolsuper: false,
        rolcreatedb: false,
        rolcreaterole: false,
        rolbypassrls: false,
        rolreplication: false,
      },
    ]);
    const owned = await asApp(
      "SELECT count(*)::int AS n FROM pg_class WHERE pg_has_role(current_user, relowner, 'MEMBER') AND relnamespace = 'public'::regnamespace",
    );
    expect(owned.rows[0].n).toBe(0);
  });

  it("appends to the ledger through appendAccessEvents, checkpoints included, and reads it back", async () => {
    const entries = Array.from({ length: 6 }, (_, i) => ({
      actor: null,
      subjectId: `c${i}`,
      action: "sign-in" as const,
      outcome: "success",
    }));
    expect(await appendAccessEvents(app, entries, { key, checkpointEvery: 5 })).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
    expect(await app.ledgerCheckpoint.count()).toBe(1);
    expect(await verifyLedger(app, key.publicKey)).toMatchObject({ ok: true, entries: 6, checkpoints: 1 });
  });

  it.each([
    ["UPDATE", "AccessEvent", `UPDATE "AccessEvent" SET outcome = 'changed' WHERE seq = 1`],
    ["DELETE", "AccessEvent", `DELETE FROM "AccessEvent" WHERE seq = 1`],
    ["TRUNCATE", "AccessEvent", `TRUNCATE "AccessEvent"`],
    ["UPDATE", "LedgerCheckpoint", `UPDATE "LedgerCheckpoint" SET signature = 'forged'`],
    ["DELETE", "LedgerCheckpoint", `DELETE FROM "LedgerCheckpoint"`],
    ["TRUNCATE", "LedgerCheckpoint", `TRUNCATE "LedgerCheckpoint"`],
  ])(
    "is refused %s on %s by its rights (permission denied), before any trigger runs",
    async (_op, table, statement) => {
      await expect(asApp(statement)).rejects.toMatchObject({
        code: "42501",
        message: `permission denied for table ${table}`,
      });
    },
  );

  it("cannot switch the ledger's triggers off, drop them, or step around them", async () => {
    await expect(asApp(`ALTER TABLE "AccessEvent" DISABLE TRIGGER "AccessEvent_append_only"`)).rejects.toMatchObject({
      message: "must be owner of table AccessEvent",
    });
    await expect(asApp(`DROP TRIGGER "AccessEvent_append_only" ON "AccessEvent"`)).rejects.toMatchObject({
      message: "must be owner of relation AccessEvent",
    });
    await expect(asApp(`DROP TABLE "LedgerCheckpoint"`)).rejects.toMatchObject({
      message: "must be owner of table LedgerCheckpoint",
    });
    await expect(asApp(`SET session_replication_role = replica`)).rejects.toMatchObject({
      code: "42501",
      message: 'permission denied to set parameter "session_replication_role"',
    });
    await expect(asApp(`CREATE TABLE sneaky (x int)`)).rejects.toMatchObject({
      code: "42501",
      message: "permission denied for schema public",
    });
    await expect(asApp(`SELECT * FROM _prisma_migrations`)).rejects.toMatchObject({
      code: "42501",
      message: "permission denied for table _prisma_migrations",
    });
    expect(await app.accessEvent.count()).toBe(6);
  });

  it("reads and writes the ordinary tables, sequences included", async () => {
    const user = await app.user.create({
      data: { email: "role-test@example.gov.cn", name: "Role Test", passwordHash: "x", role: "CITIZEN" },
    });
    await app.user.update({ where: { id: user.id }, data: { name: "Renamed" } });
    await app.auditEntry.create({ data: { actorId: user.id, action: "test", resource: "role", allowed: true } });
    await app.auditEntry.deleteMany({ where: { actorId: user.id } });
    await app.user.delete({ where: { id: user.id } });
    await asApp(`INSERT INTO rate_limit_counters (key, points, expire) VALUES ('k', 1, 0)`);
    await asApp(`DELETE FROM rate_limit_counters WHERE key = 'k'`);
    expect(await app.user.count({ where: { email: "role-test@example.gov.cn" } })).toBe(0);
  });

  it("is narrowed again and stripped of powers by the next ensureAppRole (idempotent)", async () => {
    await asOwner(`GRANT UPDATE, DELETE, TRUNCATE ON "AccessEvent" TO ${role}`);
    await asOwner(`ALTER ROLE ${role} CREATEDB CREATEROLE`);
    await expect(asApp(`DELETE FROM "AccessEvent" WHERE seq = 6`)).rejects.toMatchObject({ message: /append-only/ });
    await ensureAppRole(ownerUrl, generateAppRolePassword());
    await ensureAppRole(ownerUrl, generateAppRolePassword());
    // Trust-auth servers ignore the password, so the rotated URL is fetched from the last call.
    appUrl = await ensureAppRole(ownerUrl, "rotated-" + generateAppRolePassword());
    await expect(asApp(`DELETE FROM "AccessEvent" WHERE seq = 6`)).rejects.toMatchObject({
      message: "permission denied for table AccessEvent",
    });
    const me = await asApp("SELECT rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = current_user");
    expect(me.rows).toEqual([{ rolcreatedb: false, rolcreaterole: false }]);
  });

  it("names a configured application role that does not exist", async () => {
    await expect(grantAppRole(ownerUrl, "vo_no_such_role")).rejects.toThrow(
      `The application's database role "vo_no_such_role" (DATABASE_URL's user) does not exist: create it (CREATE ROLE vo_no_such_role LOGIN PASSWORD '…'); the launcher grants it`,
    );
  });

  it("grants a table a later migration adds, without being told its name", async () => {
    await asOwner(`CREATE TABLE "LaterTable" (id int PRIMARY KEY)`);
    await asApp(`INSERT INTO "LaterTable" VALUES (1)`);
    await asApp(`UPDATE "LaterTable" SET id = 2`);
    expect((await asApp(`SELECT id FROM "LaterTable"`)).rows).toEqual([{ id: 2 }]);
  });
});

describe("scramVerifier", () => {
  // RFC 7677's example exchange (user "user", password "pencil"): the verifier's keys must
  // reproduce the server signature and the client proof printed there.
  const salt = Buffer.from("W22ZaJ0SNY7soEsUEjb6gQ==", "base64");
  const nonce = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
  const authMessage = `n=user,r=rOprNGfwEbeRWgbNEkqO,r=${nonce},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,c=biws,r=${nonce}`;

  it("holds the keys of RFC 7677's example", () => {
    const [method, iterationsAndSalt, keys] = scramVerifier("pencil", salt).split("$") as [string, string, string];
    expect([method, iterationsAndSalt]).toEqual(["SCRAM-SHA-256", "4096:W22ZaJ0SNY7soEsUEjb6gQ=="]);
    const [storedB64, serverB64] = keys.split(":") as [string, string];
    const serverSignature = createHmac("sha256", Buffer.from(serverB64, "base64")).update(authMessage).digest("base64");
    expect(serverSignature).toBe("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    const storedKey = Buffer.from(storedB64, "base64");
    const clientSignature = createHmac("sha256", storedKey).update(authMessage).digest();
    const proof = Buffer.from("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=", "base64");
    const clientKey = Buffer.from(proof.map((b, i) => b ^ clientSignature[i]!));
    expect(createHash("sha256").update(clientKey).digest().equals(storedKey)).toBe(true);
  });

  it("is stored by PostgreSQL as given, not hashed again", async () => {
    const verifier = scramVerifier("pencil");
    const probe = `vo_scram_probe_${Date.now().toString(36)}`;
    await asOwner(`CREATE ROLE ${probe} PASSWORD '${verifier}'`);
    try {
      const stored = await asOwner("SELECT rolpassword FROM pg_authid WHERE rolname = $1", [probe]);
      expect(stored.rows[0].rolpassword).toBe(verifier);
    } finally {
      await asOwner(`DROP ROLE ${probe}`);
    }
  });
});
