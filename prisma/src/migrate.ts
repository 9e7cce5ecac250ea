import pg from "pg";
import { runMigrate } from "./cli";
import { poolConfig, prismaEngineUrl } from "./database-url";
import { seedWorkingCalendar } from "./working-calendar/seed-working-calendar";

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates the database named in the URL when the server does not have it yet. */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const config = poolConfig(databaseUrl);
  const admin = new pg.Client({ ...config, database: "postgres" });
  try {
    await admin.connect();
  } catch (e) {
    throw new Error(
      `Cannot reach PostgreSQL at ${config.host}:${config.port} as ${config.user} (${(e as Error).message}). ` +
        "Check DATABASE_URL, or unset it to use the embedded database.",
    );
  }
  try {
    const found = await admin.query("select 1 from pg_database where datname = $1", [config.database]);
    if (found.rowCount === 0) await admin.query(`create database ${quoteIdent(config.database!)}`);
  } finally {
    await admin.end();
  }
}

/** Drops the database named in the URL; with `derived`, also those named after it (`<name>_…`, which tests make beside it). */
export async function dropDatabase(databaseUrl: string, { derived = false } = {}): Promise<void> {
  const config = poolConfig(databaseUrl);
  const admin = new pg.Client({ ...config, database: "postgres" });
  await admin.connect();
  try {
    const pattern = `${config.database!.replace(/[\\%_]/g, (c) => `\\${c}`)}\\_%`;
    const names = derived
      ? (
          await admin.query<{ datname: string }>("select datname from pg_database where datname like $1", [pattern])
        ).rows.map((r) => r.datname)
      : [];
    for (const name of [config.database!, ...names])
      await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);
  } finally {
    await admin.end();
  }
}

/** Applies the committed migrations (`prisma migrate deploy`), then the holiday calendar's package days. */
export async function migrateDeploy(databaseUrl: string): Promise<void> {
  // Through unknown: under the web's Next.js types ProcessEnv requires NODE_ENV, which the CLI must not be given here.
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: prismaEngineUrl(databaseUrl),
  } as unknown as NodeJS.ProcessEnv;
  await runMigrate(["migrate", "deploy"], env);
  await seedWorkingCalendar(databaseUrl);
}
