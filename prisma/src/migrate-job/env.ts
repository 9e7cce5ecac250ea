// The migrations job's configuration: the one place it reads process.env.
import { type TemporalSettings, temporalSettings } from "@visit-once/workflows/temporal-settings";
import { poolConfig } from "../database-url";

export interface MigrateJobSettings {
  /** VO_MIGRATION_DATABASE_URL: the owner, which creates, migrates and grants. */
  ownerUrl: string;
  /** DATABASE_URL: the application's own role, which the web and the orchestrator worker connect as. */
  appUrl: string;
  temporal: TemporalSettings;
}

/** Throws one error naming every problem; the owner and the application must be two roles on one database. */
export function migrateJobSettings(source: Record<string, string | undefined> = process.env): MigrateJobSettings {
  const problems: string[] = [];
  const ownerUrl = source.VO_MIGRATION_DATABASE_URL?.trim();
  const appUrl = source.DATABASE_URL?.trim();
  if (!ownerUrl)
    problems.push(
      "VO_MIGRATION_DATABASE_URL: required, the owner that creates and migrates the database (postgresql://owner:…@host:5432/visit_once)",
    );
  if (!appUrl)
    problems.push("DATABASE_URL: required, the application's own role on the same database, which the job grants");
  const where = (name: string, url: string) => {
    try {
      const c = poolConfig(url);
      return { at: `${c.host}:${c.port}/${c.database}`, user: c.user! };
    } catch (e) {
      problems.push(`${name}: ${(e as Error).message.replace(/^DATABASE_URL /, "")}`);
      return undefined;
    }
  };
  const owner = ownerUrl ? where("VO_MIGRATION_DATABASE_URL", ownerUrl) : undefined;
  const app = appUrl ? where("DATABASE_URL", appUrl) : undefined;
  if (owner && app && owner.at !== app.at)
    problems.push(
      `DATABASE_URL (${app.at}) and VO_MIGRATION_DATABASE_URL (${owner.at}) must name the same server and database`,
    );
  if (owner && app && owner.user === app.user)
    problems.push(
      `DATABASE_URL connects as "${app.user}", the owner; set it to the application's own role (e.g. visit_once_app)`,
    );
  let temporal: TemporalSettings | undefined;
  try {
    temporal = temporalSettings(source);
  } catch (e) {
    problems.push(
      ...(e as Error).message
        .split("\n")
        .slice(1)
        .map((l) => l.trim()),
    );
  }
  if (problems.length > 0 || !temporal)
    throw new Error(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  return { ownerUrl: ownerUrl!, appUrl: appUrl!, temporal };
}
