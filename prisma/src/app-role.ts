// The application's own database role: every running process (web, workers) connects as it,
// never as the owner that migrates. It may read and write the case tables, only read and append
// to the access ledger, and owns nothing, so it cannot alter a table, drop the ledger's trigger
// or create anything. The owner (the embedded superuser, or VO_MIGRATION_DATABASE_URL's role)
// runs `grantAppRole` after every `migrate deploy`, so tables added later are granted too.
import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";
import pg from "pg";
import { poolConfig, withDatabase } from "./database-url";

/** The ledger's tables: the application may read and append to them, nothing more. */
export const APPEND_ONLY_TABLES = ["AccessEvent", "LedgerCheckpoint"] as const;

/** Prisma's own bookkeeping: only the owner (migrate deploy) needs it. */
const MIGRATIONS_TABLE = "_prisma_migrations";

/**
 * The app role's name, derived from the database's (`visit_once` → `visit_once_app`): roles are
 * per server, so two databases on one server (a test run beside `npm start`) never share one.
 */
export function appRoleName(databaseUrl: string): string {
  const database = poolConfig(databaseUrl).database!;
  return `${database
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, "_")
    .slice(0, 59)}_app`;
}

/** The owner's URL with the app role's name and password: what every process is given. */
export function appDatabaseUrl(ownerUrl: string, role: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  return url.toString();
}

/** A fresh random password for a generated app role (hex: nothing to escape in a URL). */
export const generateAppRolePassword = () => randomBytes(24).toString("hex");

/**
 * PostgreSQL's SCRAM-SHA-256 verifier of a password (RFC 5802/7677, the form `pg_authid` stores),
 * so CREATE/ALTER ROLE never carries the password itself into the server's statement log.
 */
export function scramVerifier(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password.normalize("NFKC"), salt, iterations, 32, "sha256");
  const clientKey = createHmac("sha256", salted).update("Client Key").digest();
  const storedKey = createHash("sha256").update(clientKey).digest();
  const serverKey = createHmac("sha256", salted).update("Server Key").digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString("base64")}$${storedKey.toString("base64")}:${serverKey.toString("base64")}`;
}

async function asOwner<T>(ownerUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(poolConfig(ownerUrl));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the app role, or brings an existing one back to LOGIN with this password and none of
 * the powers it must not have; then grants it (`grantAppRole`). Idempotent. The owner needs
 * CREATEROLE (or to be a superuser); returns the app's URL.
 */
export async function ensureAppRole(ownerUrl: string, password: string, role = appRoleName(ownerUrl)): Promise<string> {
  await asOwner(ownerUrl, async (client) => {
    const name = client.escapeIdentifier(role);
    const secret = client.escapeLiteral(scramVerifier(password));
    const existing = await client.query<{ powers: boolean }>(
      "SELECT rolsuper OR rolcreatedb OR rolcreaterole OR rolbypassrls OR rolreplication AS powers FROM pg_roles WHERE rolname = $1",
      [role],
    );
    try {
      if (existing.rowCount === 0) await client.query(`CREATE ROLE ${name} LOGIN PASSWORD ${secret}`);
      else await client.query(`ALTER ROLE ${name} LOGIN PASSWORD ${secret}`);
      // Only a superuser may name SUPERUSER at all, so the attributes are reset only when one is set.
      if (existing.rows[0]?.powers)
        await client.query(`ALTER ROLE ${name} NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION`);
    } catch (e) {
      throw new Error(
        `Cannot create or update the application's database role "${role}" as "${poolConfig(ownerUrl).user}" (${(e as Error).message}). ` +
          "Give that role CREATEROLE, or create the application's role yourself and set DATABASE_URL to it and VO_MIGRATION_DATABASE_URL to the owner.",
      );
    }
  });
  await grantAppRole(ownerUrl, role);
  return appDatabaseUrl(ownerUrl, role, password);
}

/**
 * What the app role may do in the owner's database, set from scratch each time (so a table
 * whose rights were widened by hand is narrowed again): every table read and written, except
 * the append-only ones (the ledger, and any table its trigger guards), which are only read and
 * appended to, and the migrations' table, which it does not see. Tables created later by the
 * owner get the ordinary rights by default until the next grant.
 */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  await asOwner(ownerUrl, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    if (found.rowCount === 0) {
      throw new Error(
        `The application's database role "${role}" (DATABASE_URL's user) does not exist: create it (CREATE ROLE ${role} LOGIN PASSWORD '…'); the launcher grants it`,
      );
    }
    const app = client.escapeIdentifier(role);
    const database = client.escapeIdentifier(poolConfig(ownerUrl).database!);
    const tables = await client.query<{ name: string; append_only: boolean }>(
      `SELECT c.relname AS name,
              c.relname = ANY($1::text[]) OR EXISTS (
                SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                WHERE t.tgrelid = c.oid AND p.proname = 'ledger_refuse_change') AS append_only
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
      [APPEND_ONLY_TABLES],
    );
    await client.query("BEGIN");
    try {
      await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${app}`);
      await client.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
      for (const { name, append_only } of tables.rows) {
        const table = `public.${client.escapeIdentifier(name)}`;
        await client.query(`REVOKE ALL ON ${table} FROM ${app}`);
        if (name === MIGRATIONS_TABLE) continue;
        await client.query(
          `GRANT ${append_only ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE"} ON ${table} TO ${app}`,
        );
      }
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
      await client.query(
        `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
      );
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK");
      throw e;
    }
  });
}

/**
 * Drops a test run's app role once its databases are gone (a role cannot be dropped while a
 * database still grants it something). `serverUrl` is any owner connection to the server.
 */
export async function dropAppRole(serverUrl: string, role: string): Promise<void> {
  await asOwner(withDatabase(serverUrl, "postgres"), (client) =>
    client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(role)}`),
  );
}
