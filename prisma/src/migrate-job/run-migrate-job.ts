import pg from "pg";
import { grantAppRole, ensureAppRole } from "../app-role";
import { poolConfig } from "../database-url";
import { ensureDatabase, migrateDeploy } from "../migrate";
import type { MigrateJobSettings } from "./env";
import { ensureSearchAttributes } from "./search-attributes";

export interface MigrateJobReport {
  role: "granted" | "created";
  searchAttributesAdded: string[];
}

/**
 * What a deployment runs before (re)starting the web and the workers, as often as it likes:
 * creates the database if missing and applies the committed migrations as the owner, makes
 * the application's role if missing (with DATABASE_URL's password; an existing one keeps its
 * own) and grants it, then registers the Temporal search attributes that are missing.
 */
export async function runMigrateJob(
  s: MigrateJobSettings,
  log: (line: string) => void = console.log,
): Promise<MigrateJobReport> {
  await ensureDatabase(s.ownerUrl);
  await migrateDeploy(s.ownerUrl);
  log("migrations applied");
  const app = poolConfig(s.appUrl);
  const client = new pg.Client(poolConfig(s.ownerUrl));
  await client.connect();
  const exists = await client
    .query("SELECT 1 FROM pg_roles WHERE rolname = $1", [app.user])
    .finally(() => client.end());
  let role: MigrateJobReport["role"];
  if (exists.rowCount === 0) {
    await ensureAppRole(s.ownerUrl, app.password as string, app.user!);
    role = "created";
  } else {
    await grantAppRole(s.ownerUrl, app.user!);
    role = "granted";
  }
  log(`application role ${app.user} ${role}`);
  const searchAttributesAdded = await ensureSearchAttributes(s.temporal);
  log(
    searchAttributesAdded.length > 0
      ? `search attributes added: ${searchAttributesAdded.join(", ")}`
      : "search attributes present",
  );
  return { role, searchAttributesAdded };
}
