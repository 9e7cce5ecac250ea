import pg from "pg";
import { runPrisma } from "./cli";
import { poolConfig } from "./database-url";

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

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const config = poolConfig(databaseUrl);
  const admin = new pg.Client({ ...config, database: "postgres" });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${quoteIdent(config.database!)} with (force)`);
  } finally {
    await admin.end();
  }
}

/** Applies the committed migrations (`prisma migrate deploy`). */
export async function migrateDeploy(databaseUrl: string): Promise<void> {
  await runPrisma(["migrate", "deploy"], { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl });
}
