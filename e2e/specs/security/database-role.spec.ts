import { expect, test } from "@playwright/test";
import { createPrisma } from "@visit-once/prisma";
import { appRoleName } from "@visit-once/prisma/app-role";
import { MEI, signedInPage, submitNewborn } from "../../support/citizen";

// The stack's web and orchestrator worker connect as the application's database role (each
// names itself in pg_stat_activity), never as the owner that migrated; and that role owns
// nothing, has no power over the server and may only read and append to the access ledger.
// Playwright's DATABASE_URL is the owner's, which sees every session.

interface Session {
  name: string;
  role: string;
}

test("the web and the orchestrator worker connect as the application's role, not the owner", async ({ browser }) => {
  const ownerUrl = process.env.DATABASE_URL;
  if (!ownerUrl) throw new Error("DATABASE_URL is unset: run the e2e specs through `npm test -- security`.");
  const appRole = appRoleName(ownerUrl);
  const owner = createPrisma(ownerUrl);
  try {
    // A case: the web writes it, the orchestrator stores its evidence and the ledger entries.
    const page = await signedInPage(browser, MEI);
    const applicationId = await submitNewborn(page.request);
    const seen: Session[] = [];
    await expect
      .poll(
        async () => {
          expect((await page.request.get("/api/health")).status()).toBe(200);
          seen.push(
            ...(await owner.$queryRaw<Session[]>`
              SELECT application_name AS name, usename::text AS role FROM pg_stat_activity
              WHERE datname = current_database() AND backend_type = 'client backend' AND application_name LIKE 'vo-%'`),
          );
          return [...new Set(seen.map((s) => s.name))].sort();
        },
        { timeout: 60_000, message: "both processes were seen connected" },
      )
      .toEqual(["vo-orchestrator", "vo-web"]);
    expect([...new Set(seen.map((s) => s.role))]).toEqual([appRole]);

    const [me] = await owner.$queryRaw<{ owner: string }[]>`SELECT current_user::text AS owner`;
    expect(appRole).not.toBe(me!.owner);
    const [rights] = await owner.$queryRaw<Record<string, boolean>[]>`
      SELECT r.rolsuper AS superuser, r.rolcreaterole AS "createRole", r.rolcreatedb AS "createDb", r.rolbypassrls AS "bypassRls",
             EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND pg_has_role(r.oid, c.relowner, 'MEMBER')) AS "ownsTables",
             has_table_privilege(r.oid, '"AccessEvent"', 'INSERT') AS "ledgerInsert",
             has_table_privilege(r.oid, '"AccessEvent"', 'SELECT') AS "ledgerSelect",
             has_table_privilege(r.oid, '"AccessEvent"', 'UPDATE') OR has_table_privilege(r.oid, '"AccessEvent"', 'DELETE')
               OR has_table_privilege(r.oid, '"AccessEvent"', 'TRUNCATE') AS "ledgerChange",
             has_table_privilege(r.oid, '"LedgerCheckpoint"', 'UPDATE') OR has_table_privilege(r.oid, '"LedgerCheckpoint"', 'DELETE')
               OR has_table_privilege(r.oid, '"LedgerCheckpoint"', 'TRUNCATE') AS "checkpointChange"
      FROM pg_roles r WHERE r.rolname = ${appRole}`;
    expect(rights).toEqual({
      superuser: false,
      createRole: false,
      createDb: false,
      bypassRls: false,
      ownsTables: false,
      ledgerInsert: true,
      ledgerSelect: true,
      ledgerChange: false,
      checkpointChange: false,
    });
    // …and, as that role, the orchestrator put the case's department fetches on the ledger.
    await expect
      .poll(
        async () => {
          const [ledger] = await owner.$queryRaw<{ n: number }[]>`
            SELECT count(*)::int AS n FROM "AccessEvent" WHERE action = 'department-fetch' AND "applicationId" = ${applicationId}`;
          return ledger!.n;
        },
        { timeout: 60_000 },
      )
      .toBeGreaterThan(0);
  } finally {
    await owner.$disconnect();
  }
});
