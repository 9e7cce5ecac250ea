import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { describePortHolder, type PidFile } from "./leftovers";

export interface Managed {
  name: string;
  /** The running process (a new one after each restart). */
  child: ChildProcess;
  /** Times it has been restarted. */
  restarts: number;
}

interface StartOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  quiet?: boolean;
  /** Run as this user and group (the embedded PostgreSQL as `postgres` when the launcher is root). */
  uid?: number;
  gid?: number;
  /** What asks it to stop (PostgreSQL's fast shutdown is SIGINT; its SIGTERM waits for every client). */
  stopSignal?: NodeJS.Signals;
}

export interface SupervisionPolicy {
  /** The first restart's delay; each further restart within `windowMs` doubles it, up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Give up on a child that dies this many times within `windowMs`. */
  maxRestarts: number;
  windowMs: number;
}

export const DEFAULT_SUPERVISION: SupervisionPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRestarts: 8,
  windowMs: 10 * 60_000,
};

/** Why the group can no longer run the stack. */
export interface GroupFailure {
  name: string;
  code: number | null;
  /** True when a supervised child kept dying and the group stopped restarting it. */
  gaveUp: boolean;
}

/**
 * Children run in their own process groups, their output prefixed with their name; stopping
 * signals each group, then kills whatever is left after a grace period. Supervised (`npm start`),
 * a child that dies is started again after a growing delay, so one dead worker never takes the
 * stack down; a child that keeps dying is given up on, and `failure()` says so.
 */
export class ProcessGroup {
  readonly children: Managed[] = [];
  private stopping = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly failures: ((f: GroupFailure) => void)[] = [];
  private failed: GroupFailure | undefined;

  /**
   * `pidFile` records every running child, so a later start can find what a launcher killed
   * without a chance to stop (SIGKILL, power loss) left behind.
   */
  constructor(
    private readonly supervision: SupervisionPolicy | null = null,
    private readonly pidFile?: PidFile,
  ) {}

  start(name: string, command: string, args: string[], options: StartOptions = {}): Managed {
    const managed: Managed = { name, child: this.spawn(name, command, args, options), restarts: 0 };
    this.children.push(managed);
    this.stopSignals.set(managed, options.stopSignal ?? "SIGTERM");
    this.watch(managed, command, args, options, []);
    this.recordPids();
    return managed;
  }

  private readonly stopSignals = new Map<Managed, NodeJS.Signals>();

  /** Whether a child that dies is started again. */
  get supervised(): boolean {
    return this.supervision !== null;
  }

  private recordPids(): void {
    this.pidFile?.write(
      this.children
        .filter((m) => m.child.pid !== undefined && m.child.exitCode === null)
        .map((m) => ({ name: m.name, pid: m.child.pid! })),
    );
  }

  private spawn(name: string, command: string, args: string[], options: StartOptions): ChildProcess {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      uid: options.uid,
      gid: options.gid,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const prefix = (stream: NodeJS.WritableStream) => (data: Buffer) => {
      if (options.quiet) return;
      for (const line of data.toString().split("\n")) if (line.trim()) stream.write(`[${name}] ${line}\n`);
    };
    child.stdout?.on("data", prefix(process.stdout));
    child.stderr?.on("data", prefix(process.stderr));
    // A command that cannot be spawned emits "error" (and "exit" may never come): treat it as an exit.
    child.once("error", () => child.emit("exit", child.exitCode ?? 127, null));
    return child;
  }

  private watch(managed: Managed, command: string, args: string[], options: StartOptions, deaths: number[]): void {
    const child = managed.child;
    let handled = false;
    child.once("exit", (code, signal) => {
      if (handled || this.stopping) return;
      handled = true;
      // Anything the child left in its group goes too.
      signalGroup(child, "SIGKILL");
      const policy = this.supervision;
      if (!policy) return this.fail({ name: managed.name, code, gaveUp: false });
      const now = Date.now();
      const recent = [...deaths.filter((t) => now - t < policy.windowMs), now];
      if (recent.length > policy.maxRestarts) return this.fail({ name: managed.name, code, gaveUp: true });
      const delay = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (recent.length - 1));
      console.error(
        `[launcher] ${managed.name} exited (${signal ?? `code ${code}`}); starting it again in ${(delay / 1000).toFixed(1)} s (restart ${managed.restarts + 1})`,
      );
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (this.stopping) return;
        managed.child = this.spawn(managed.name, command, args, options);
        managed.restarts += 1;
        this.watch(managed, command, args, options, recent);
        this.recordPids();
      }, delay);
      this.timers.add(timer);
    });
  }

  private fail(f: GroupFailure): void {
    if (this.failed) return;
    this.failed = f;
    for (const resolve of this.failures.splice(0)) resolve(f);
  }

  /**
   * Resolves when the stack can no longer run: unsupervised, when any child exits; supervised,
   * when one has died too often to be restarted.
   */
  failure(): Promise<GroupFailure> {
    if (this.failed) return Promise.resolve(this.failed);
    return new Promise((resolve) => this.failures.push(resolve));
  }

  /**
   * Stops the children in the reverse order of their start, a kind at a time (the workers
   * together: each drains its in-flight work on SIGTERM), so nothing loses what it depends
   * on while it drains: the web, the workers, the sandboxes, Temporal, then PostgreSQL.
   */
  async stop(graceMs = 8000): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const tiers: Managed[][] = [];
    for (const managed of [...this.children].reverse()) {
      const last = tiers.at(-1);
      if (last && kind(last[0]!.name) === kind(managed.name)) last.push(managed);
      else tiers.push([managed]);
    }
    for (const tier of tiers)
      await Promise.all(tier.map((m) => stopChild(m.child, this.stopSignals.get(m) ?? "SIGTERM", graceMs)));
    this.pidFile?.remove();
  }

  /** Kills every child's process group at once: the last resort when a stop hangs, so nothing is left behind. */
  killAll(): void {
    this.stopping = true;
    for (const m of this.children) signalGroup(m.child, "SIGKILL");
  }
}

/** "worker:health" and "worker:orchestrator" are one kind: they stop together. */
const kind = (name: string) => name.split(":")[0];

function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
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
    // The child alone: it stops its own helpers (e.g. PostgreSQL's backends) in its own order.
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  });
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
    server.once("error", () => {
      const holder = describePortHolder(port);
      reject(
        new Error(
          `Port ${port} (${what}) is already in use${holder ? ` by ${holder}` : ""}. Stop what uses it, or choose another port (see README: configuration).`,
        ),
      );
    });
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}
