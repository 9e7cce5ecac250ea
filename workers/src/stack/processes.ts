import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";

export interface Managed {
  name: string;
  child: ChildProcess;
}

/**
 * Children run in their own process groups, their output prefixed with their name; stopping
 * signals each group, then kills whatever is left after a grace period.
 */
export class ProcessGroup {
  readonly children: Managed[] = [];

  start(name: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; quiet?: boolean } = {}): Managed {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const prefix = (stream: NodeJS.WritableStream) => (data: Buffer) => {
      if (options.quiet) return;
      for (const line of data.toString().split("\n")) if (line.trim()) stream.write(`[${name}] ${line}\n`);
    };
    child.stdout?.on("data", prefix(process.stdout));
    child.stderr?.on("data", prefix(process.stderr));
    const managed = { name, child };
    this.children.push(managed);
    return managed;
  }

  /** Resolves when any child exits: a stack with a dead part is not running. */
  firstExit(): Promise<{ name: string; code: number | null }> {
    return Promise.race(
      this.children.map(
        ({ name, child }) =>
          new Promise<{ name: string; code: number | null }>((resolve) => {
            if (child.exitCode !== null) resolve({ name, code: child.exitCode });
            else child.once("exit", (code) => resolve({ name, code }));
          }),
      ),
    );
  }

  async stop(graceMs = 8000): Promise<void> {
    const alive = this.children.filter(({ child }) => child.exitCode === null && child.signalCode === null);
    await Promise.all(
      alive.reverse().map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              signalGroup(child, "SIGKILL");
              resolve();
            }, graceMs);
            child.once("exit", () => {
              clearTimeout(timer);
              // Anything the child left in its group goes too.
              signalGroup(child, "SIGKILL");
              resolve();
            });
            signalGroup(child, "SIGTERM");
          }),
      ),
    );
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not become ready within ${Math.round(timeoutMs / 1000)} s`);
}

export async function httpOk(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return res.ok;
}

export function assertPortFree(port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", () => reject(new Error(`Port ${port} (${what}) is already in use. Stop what uses it, or choose another port (see README: configuration).`)));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}
