import { readFileSync, readdirSync } from "node:fs";

/**
 * Memory (MB) of a process's descendants (not the process itself), read from /proc: the
 * proportional set size, so pages shared between processes (PostgreSQL's shared buffers,
 * Node's code) count once in the sum; the resident size where PSS cannot be read.
 */
export function descendantsMemoryMb(rootPid: number): number {
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
  let totalKb = 0;
  const stack = [...(children.get(rootPid) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    totalKb += memoryKb(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return totalKb / 1024;
}

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
 * CPU time (ms, user and system) used so far by a process's descendants, read from /proc: with the
 * machine shared, CPU per case measures a change where wall-clock latency is noise.
 */
export function descendantsCpuMs(rootPid: number): number {
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
  let ticks = 0;
  const stack = [...(children.get(rootPid) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ").at(-1)!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // ended
    }
    stack.push(...(children.get(pid) ?? []));
  }
  // Linux reports in clock ticks of 1/100 s.
  return ticks * 10;
}
