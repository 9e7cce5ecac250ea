import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

/** The pids of a process's descendants (not the process itself), read from /proc. */
function descendants(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const stack = [...(children.get(rootPid) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    found.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return found;
}

/**
 * Memory (MB) of a process's descendants, by what each one is (see `processLabel`): the
 * proportional set size, so pages shared between processes (PostgreSQL's shared buffers, Node's
 * code) count once in the sum; the resident size where PSS cannot be read.
 */
export function descendantsMemoryMb(rootPid: number): Map<string, number> {
  const byLabel = new Map<string, number>();
  for (const pid of descendants(rootPid)) {
    const label = labelOf(pid);
    if (label) byLabel.set(label, (byLabel.get(label) ?? 0) + memoryKb(pid) / 1024);
  }
  return byLabel;
}

/** The sum of a split by process. */
export const total = (byLabel: Map<string, number>) => [...byLabel.values()].reduce((a, b) => a + b, 0);

function memoryKb(pid: number): number {
  try {
    const pss = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
    if (pss) return Number(pss[1]);
    return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * CPU time (ms, user and system) used so far by a process's descendants, by what each one is
 * (see `processLabel`): with the machine shared, CPU per case measures a change where wall-clock
 * latency is noise, and the split says which part of the stack spends it.
 */
export function descendantsCpuMs(rootPid: number): Map<string, number> {
  const byLabel = new Map<string, number>();
  for (const pid of descendants(rootPid)) {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ").at(-1)!.split(" ");
      // Linux reports in clock ticks of 1/100 s.
      const ms = (Number(fields[11]) + Number(fields[12])) * 10;
      const label = labelOf(pid);
      if (label) byLabel.set(label, (byLabel.get(label) ?? 0) + ms);
    } catch {
      // ended
    }
  }
  return byLabel;
}

/** `processLabel` of a running process; undefined once it has ended. */
function labelOf(pid: number): string | undefined {
  try {
    return processLabel(readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0"));
  } catch {
    return undefined;
  }
}

/** What a process of the stack is, from its command line: the script a Node process runs, or the program. */
export function processLabel(argv: string[]): string {
  const script = argv.find((a) => /\.(ts|js|mjs)$/.test(a) && !a.includes("node_modules"));
  if (script) return path.basename(script, path.extname(script));
  const program = path.basename(argv[0] ?? "");
  return program.startsWith("postgres") ? "postgres" : program || "?";
}
