import pg from "pg";
import { poolConfig } from "@visit-once/prisma";

const DEMO_DOMAIN = "@demo.visit-once.local";

/**
 * What production refuses about the database itself: a superuser role (one SQL injection
 * away from the whole server) and demo accounts with their published password.
 */
export async function productionDatabaseProblems(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client(poolConfig(databaseUrl));
  await client.connect();
  try {
    const problems: string[] = [];
    const role = await client.query<{ rolname: string; rolsuper: boolean }>("SELECT rolname, rolsuper FROM pg_roles WHERE rolname = current_user");
    const me = role.rows[0];
    if (!me || me.rolsuper) {
      problems.push(
        `DATABASE_URL: connects as "${me?.rolname ?? "?"}", a superuser; connect as a role that only owns this database ` +
          "(e.g. CREATE ROLE visit_once LOGIN PASSWORD '…'; ALTER DATABASE <name> OWNER TO visit_once)",
      );
    }
    const users = await client.query<{ table: string | null }>(`SELECT to_regclass('"User"')::text AS table`);
    if (users.rows[0]?.table) {
      const demo = await client.query<{ count: string }>(`SELECT count(*)::text AS count FROM "User" WHERE email LIKE $1`, [`%${DEMO_DOMAIN}`]);
      if (Number(demo.rows[0]?.count ?? 0) > 0) {
        problems.push(`DATABASE_URL: holds ${demo.rows[0]!.count} demo account(s) (*${DEMO_DOMAIN}, published password); delete them — production never seeds them`);
      }
    }
    return problems;
  } finally {
    await client.end();
  }
}
