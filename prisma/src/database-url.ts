import type { PoolConfig } from "pg";

/**
 * Splits a PostgreSQL URL into discrete pool fields. Prisma's adapter is given fields, not
 * a connection string, so that a shadow database never connects to the main one.
 */
export function poolConfig(url: string): PoolConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`DATABASE_URL is not a valid URL. Expected postgresql://user:password@host:port/database`);
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new Error(`DATABASE_URL must start with postgresql:// (got ${parsed.protocol}//)`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!database) throw new Error("DATABASE_URL must name a database, e.g. postgresql://postgres@127.0.0.1:5432/visit_once");
  return {
    host: parsed.hostname || "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username || "postgres"),
    password: decodeURIComponent(parsed.password),
    database,
    max: Number(parsed.searchParams.get("connection_limit") ?? 10),
    // Names the process in pg_stat_activity (the launcher tags each process's URL), as `pg` does for a connection string.
    application_name: parsed.searchParams.get("application_name") ?? undefined,
  };
}

/** The same server, another database: used to create databases and fresh test databases. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The department stores live beside the orchestrator's database, in their own database. */
export function departmentStoresUrl(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  return withDatabase(databaseUrl, `${name}_departments`);
}
