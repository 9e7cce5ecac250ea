import pg from "pg";
import { poolConfig } from "@visit-once/prisma";

const DEMO_DOMAIN = "@demo.visit-once.local";

/**
 * What production refuses about the database the application connects to (DATABASE_URL):
 * a superuser (one SQL injection away from the whole server), the owner of the database or
 * its tables (who can alter a table or drop the ledger's append-only trigger), a role that
 * may change or remove ledger rows, and demo accounts with their published password.
 */
export async function productionDatabaseProblems(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client(poolConfig(databaseUrl));
  await client.connect();
  try {
    const problems: string[] = [];
    const role = await client.query<{
      rolname: string;
      rolsuper: boolean;
      powers: boolean;
      owns_database: boolean;
      owns_tables: boolean;
    }>(
      `SELECT rolname, rolsuper, rolcreaterole OR rolcreatedb OR rolbypassrls AS powers,
              pg_has_role(current_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER') AS owns_database,
              EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = 'public'::regnamespace AND pg_has_role(current_user, relowner, 'MEMBER')) AS owns_tables
       FROM pg_roles WHERE rolname = current_user`,
    );
    const me = role.rows[0];
    const name = me?.rolname ?? "?";
    const ownRole =
      "connect as the application's own role and set VO_MIGRATION_DATABASE_URL to the owner that migrates (the launcher grants the application's role)";
    if (!me || me.rolsuper) {
      problems.push(`DATABASE_URL: connects as "${name}", a superuser; ${ownRole}`);
    } else if (me.owns_database || me.owns_tables) {
      problems.push(
        `DATABASE_URL: connects as "${name}", which owns the ${me.owns_tables ? "tables" : "database"} (it could alter them or drop the ledger's trigger); ${ownRole}`,
      );
    } else if (me.powers) {
      problems.push(
        `DATABASE_URL: "${name}" may create roles or databases or bypass row security; ALTER ROLE ${name} NOCREATEROLE NOCREATEDB NOBYPASSRLS`,
      );
    }
    const ledger = await client.query<{ changes: boolean | null }>(
      `SELECT CASE WHEN to_regclass('"AccessEvent"') IS NOT NULL THEN
         has_table_privilege('"AccessEvent"', 'UPDATE') OR has_table_privilege('"AccessEvent"', 'DELETE') OR has_table_privilege('"AccessEvent"', 'TRUNCATE')
         OR has_table_privilege('"LedgerCheckpoint"', 'UPDATE') OR has_table_privilege('"LedgerCheckpoint"', 'DELETE') OR has_table_privilege('"LedgerCheckpoint"', 'TRUNCATE')
       END AS changes`,
    );
    if (me && !me.rolsuper && ledger.rows[0]?.changes) {
      problems.push(
        `DATABASE_URL: "${name}" may UPDATE, DELETE or TRUNCATE the access ledger; it may only SELECT and INSERT there (restarting with VO_MIGRATION_DATABASE_URL set grants it so)`,
      );
    }
    const users = await client.query<{ table: string | null }>(`SELECT to_regclass('"User"')::text AS table`);
    if (users.rows[0]?.table) {
      const demo = await client.query<{ count: string }>(
        `SELECT count(*)::text AS count FROM "User" WHERE email LIKE $1`,
        [`%${DEMO_DOMAIN}`],
      );
      if (Number(demo.rows[0]?.count ?? 0) > 0) {
        problems.push(
          `DATABASE_URL: holds ${demo.rows[0]!.count} demo account(s) (*${DEMO_DOMAIN}, published password); delete them — production never seeds them`,
        );
      }
    }
    return problems;
  } finally {
    await client.end();
  }
}
