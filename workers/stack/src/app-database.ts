// Which role each process connects as: the owner migrates and grants (the launcher only);
// the web and the orchestrator worker connect as the application's role, which may only read
// and append to the access ledger and owns nothing (see @visit-once/prisma/app-role).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { poolConfig } from "@visit-once/prisma";
import {
  appDatabaseUrl,
  appRoleName,
  ensureAppRole,
  generateAppRolePassword,
  grantAppRole,
} from "@visit-once/prisma/app-role";
import { DATA_DIR } from "./paths";
import { EMBEDDED_DATABASE_URL } from "./postgres";

/** The generated app role's password, made once per data folder (so a restart keeps it). */
export const appPasswordFile = (dataDir: string) => path.join(dataDir, "database-app-password");

/**
 * After migrating as the owner: the configured application role (DATABASE_URL beside
 * VO_MIGRATION_DATABASE_URL) is granted; otherwise one is made or updated, named after the
 * database, with the data folder's password. Returns the URL the processes get.
 */
export async function prepareAppRole(ownerUrl: string, dataDir: string, configuredAppUrl?: string): Promise<string> {
  if (configuredAppUrl) {
    await grantAppRole(ownerUrl, poolConfig(configuredAppUrl).user!);
    return configuredAppUrl;
  }
  const file = appPasswordFile(dataDir);
  if (!existsSync(file)) writeFileSync(file, generateAppRolePassword(), { mode: 0o600 });
  return ensureAppRole(ownerUrl, readFileSync(file, "utf8").trim());
}

/** A process's database URL with its name, which pg_stat_activity shows beside the role it connects as. */
export function namedConnection(databaseUrl: string, processName: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set("application_name", processName);
  return url.toString();
}

/**
 * What the operator tools (reconcile, ledger:verify) connect with: DATABASE_URL, else the
 * embedded database as `npm start`'s processes reach it (its application role; the owner only
 * for a data folder from before the role existed).
 */
export function localDatabaseUrl(dataDir = DATA_DIR): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const file = appPasswordFile(dataDir);
  if (!existsSync(file)) return EMBEDDED_DATABASE_URL;
  return appDatabaseUrl(EMBEDDED_DATABASE_URL, appRoleName(EMBEDDED_DATABASE_URL), readFileSync(file, "utf8").trim());
}
