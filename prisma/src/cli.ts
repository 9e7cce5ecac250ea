// Runs the Prisma CLI offline. Prisma 7 generates the client; its checks for a native engine are
// satisfied by pointing them at a file that exists (the client runs on the pg driver adapter, not on
// an engine). Migrations run on Prisma 6.19 (the `prisma6` alias, migrate.config.ts): its WebAssembly
// schema engine needs no download, where Prisma 7 downloads a native one at every migrate command.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PRISMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function runPrisma(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return runCli("prisma", args, env);
}

/** Prisma 6.19's `migrate deploy` or `migrate diff`, on its WebAssembly schema engine. */
export function runMigrate(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return runCli("prisma6", [...args, "--config", "migrate.config.ts"], env);
}

function runCli(cli: "prisma" | "prisma6", args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const bin = createRequire(import.meta.url).resolve(`${cli}/build/index.js`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: PRISMA_DIR,
      env: {
        ...env,
        PRISMA_QUERY_ENGINE_LIBRARY: env.PRISMA_QUERY_ENGINE_LIBRARY ?? path.join(PRISMA_DIR, "schema.prisma"),
        PRISMA_SCHEMA_ENGINE_BINARY: env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(PRISMA_DIR, "schema.prisma"),
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`prisma ${args[0]} failed (exit ${code}):\n${err || out}`)),
    );
  });
}

// Run as a command (`tsx src/cli.ts …`) only. Bundled into a launcher's or a sandbox's single file,
// import.meta.url is that file, the process's own main: without the name check every sandboxes start
// ran the Prisma CLI with no arguments and printed its 45-line help into the log.
const self = fileURLToPath(import.meta.url);
if (process.argv[1] === self && /[\\/]cli\.ts$/.test(self)) {
  runPrisma(process.argv.slice(2)).then(
    (out) => process.stdout.write(out),
    (e: Error) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
