import { readFileSync } from "node:fs";
import type { ConnectionOptions } from "node:tls";
import type { PoolConfig } from "pg";

/** The libpq `sslmode` values we honour; `allow` and `prefer` (try plain, then TLS) have no safe meaning for a pool. */
const SSL_MODES = ["disable", "require", "verify-ca", "verify-full"] as const;
export type SslMode = (typeof SSL_MODES)[number];

function readPem(name: string, file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(
      `DATABASE_URL ${name}=${file} cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}

/**
 * TLS settings from the URL's libpq parameters, as managed PostgreSQL hands them out:
 * `sslmode=disable|require|verify-ca|verify-full`, `sslrootcert` (a CA file, or `system` for the
 * machine's CAs), `sslcert` + `sslkey` (a client certificate). `require` encrypts without
 * checking the server (libpq's meaning) unless a CA file is given, then it checks it as verify-ca.
 */
export function sslConfig(url: URL): false | ConnectionOptions | undefined {
  const mode = url.searchParams.get("sslmode");
  const rootCert = url.searchParams.get("sslrootcert");
  const cert = url.searchParams.get("sslcert");
  const key = url.searchParams.get("sslkey");
  if (mode === null) {
    if (rootCert || cert || key)
      throw new Error(
        "DATABASE_URL has sslrootcert/sslcert/sslkey but no sslmode: add sslmode=verify-full (or require)",
      );
    return undefined;
  }
  if (!(SSL_MODES as readonly string[]).includes(mode)) {
    throw new Error(`DATABASE_URL sslmode=${mode} is not supported: use ${SSL_MODES.join(", ")}`);
  }
  if (mode === "disable") return false;
  if (Boolean(cert) !== Boolean(key)) throw new Error("DATABASE_URL sslcert and sslkey must be given together");
  const ca = rootCert && rootCert !== "system" ? readPem("sslrootcert", rootCert) : undefined;
  const clientCert = cert && key ? { cert: readPem("sslcert", cert), key: readPem("sslkey", key) } : {};
  if (mode === "require" && !ca) return { rejectUnauthorized: false, ...clientCert };
  return {
    rejectUnauthorized: true,
    ...(ca ? { ca } : {}),
    ...clientCert,
    // verify-ca trusts the chain but not the name; verify-full checks both (Node's default).
    ...(mode === "verify-full" ? {} : { checkServerIdentity: () => undefined }),
  };
}

/**
 * The URL for Prisma's own engine (`prisma migrate deploy`), which spells TLS its own way:
 * `sslcert` is the CA file and `sslaccept=strict` checks the server. The libpq names are
 * translated, so one DATABASE_URL serves the pools and the migrations alike.
 */
export function prismaEngineUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const mode = url.searchParams.get("sslmode");
  if (mode === null) return databaseUrl;
  sslConfig(url); // the same refusals, before Prisma gives a vaguer one
  const rootCert = url.searchParams.get("sslrootcert");
  for (const name of ["sslmode", "sslrootcert", "sslcert", "sslkey"]) url.searchParams.delete(name);
  if (mode === "disable") {
    url.searchParams.set("sslmode", "disable");
  } else {
    url.searchParams.set("sslmode", "require");
    const verify = mode !== "require" || (rootCert && rootCert !== "system");
    url.searchParams.set("sslaccept", verify ? "strict" : "accept_invalid_certs");
    if (rootCert && rootCert !== "system") url.searchParams.set("sslcert", rootCert);
  }
  return url.toString();
}

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
  if (!database)
    throw new Error("DATABASE_URL must name a database, e.g. postgresql://postgres@127.0.0.1:5432/visit_once");
  return {
    host: parsed.hostname || "127.0.0.1",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username || "postgres"),
    password: decodeURIComponent(parsed.password),
    database,
    max: Number(parsed.searchParams.get("connection_limit") ?? 10),
    // Names the process in pg_stat_activity (the launcher tags each process's URL), as `pg` does for a connection string.
    application_name: parsed.searchParams.get("application_name") ?? undefined,
    ssl: sslConfig(parsed),
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
