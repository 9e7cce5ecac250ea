import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";

interface Recorded {
  name: string;
  pid: number;
  /** The process's command line when recorded: a pid reused by another program is left alone. */
  cmdline?: string;
}

interface PidFileContent {
  launcher: number;
  launcherCmdline?: string;
  children: Recorded[];
}

/** A process's command line (Linux /proc), or undefined when it is gone or cannot be read. */
function cmdlineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0+$/, "").replaceAll("\0", " ");
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The launcher's record of its running children (`.data/stack.pids`): written on every start
 * and restart, removed after a clean stop. What remains after a launcher that could not stop
 * (SIGKILL, a crash) names the processes it left behind.
 */
export class PidFile {
  constructor(readonly file: string) {}

  write(children: { name: string; pid: number }[]): void {
    const content: PidFileContent = {
      launcher: process.pid,
      launcherCmdline: cmdlineOf(process.pid),
      children: children.map((c) => ({ ...c, cmdline: cmdlineOf(c.pid) })),
    };
    writeFileSync(this.file, `${JSON.stringify(content, null, 2)}\n`);
  }

  remove(): void {
    rmSync(this.file, { force: true });
  }

  private read(): PidFileContent | undefined {
    if (!existsSync(this.file)) return undefined;
    try {
      return JSON.parse(readFileSync(this.file, "utf8")) as PidFileContent;
    } catch {
      return undefined;
    }
  }

  /**
   * Stops what an earlier launcher of this data folder left running (each child's process
   * group: a worker and what it spawned), and says what it stopped. Refuses, naming it, when
   * that launcher itself still runs: two stacks on one data folder would share its database.
   */
  async clearLeftovers(log: (line: string) => void = (line) => console.log(line)): Promise<void> {
    const previous = this.read();
    if (!previous) return;
    if (
      previous.launcher !== process.pid &&
      alive(previous.launcher) &&
      cmdlineOf(previous.launcher) === previous.launcherCmdline
    ) {
      throw new Error(
        `Another Visit Once stack (launcher pid ${previous.launcher}) is running on this data folder. ` +
          `Stop it first (Ctrl-C in its terminal, or \`kill ${previous.launcher}\`).`,
      );
    }
    const left = previous.children.filter(
      (c) => alive(c.pid) && (c.cmdline === undefined || cmdlineOf(c.pid) === c.cmdline),
    );
    if (left.length > 0) {
      log(
        `[launcher] An earlier stack left ${left.map((c) => `${c.name} (pid ${c.pid})`).join(", ")} running; stopping them.`,
      );
      for (const c of left) signal(c.pid, "SIGTERM");
      const deadline = Date.now() + 10_000;
      while (left.some((c) => alive(c.pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      for (const c of left) if (alive(c.pid)) signal(c.pid, "SIGKILL");
    }
    this.remove();
  }
}

/** The process group first (a child was its group's leader), else the process alone. */
function signal(pid: number, sig: NodeJS.Signals) {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, sig);
      return;
    } catch {
      // not a group leader, or already gone
    }
  }
}

/** The socket inodes listening on a TCP port, from /proc/net/tcp{,6} (Linux). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is cols[1] ("0100007F:1F90"), st cols[3] ("0A" = LISTEN), inode cols[9].
      if (cols.length > 9 && cols[1]!.endsWith(`:${hexPort}`) && cols[3] === "0A") inodes.add(cols[9]!);
    }
  }
  return inodes;
}

/**
 * Which process listens on a port, e.g. `pid 4242 (next-server (v15.5.4))`, so "port in use"
 * names what to stop. Undefined where it cannot be told (not Linux, or another user's process).
 */
export function describePortHolder(port: number): string | undefined {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return `pid ${pid} (${(cmdlineOf(Number(pid)) ?? "?").slice(0, 120)})`;
    }
  }
  return undefined;
}
