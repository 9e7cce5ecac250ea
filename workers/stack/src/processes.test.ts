import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type GroupFailure, ProcessGroup, type SupervisionPolicy } from "./processes";

const FAST: SupervisionPolicy = { initialDelayMs: 50, maxDelayMs: 200, maxRestarts: 2, windowMs: 60_000 };
const node = (code: string): [string, string[]] => [process.execPath, ["-e", code]];
const FOREVER = "setInterval(() => {}, 1000)";

async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const settled = (p: Promise<GroupFailure>) =>
  Promise.race([p, new Promise<"pending">((r) => setTimeout(() => r("pending"), 300))]);

describe("ProcessGroup", () => {
  it("unsupervised, fails on the first exit", async () => {
    const group = new ProcessGroup();
    group.start("steady", ...node(FOREVER), { quiet: true });
    group.start("short", ...node("process.exit(3)"), { quiet: true });
    expect(await group.failure()).toEqual({ name: "short", code: 3, gaveUp: false });
    await group.stop();
  });

  it("supervised, starts a killed child again and keeps running", async () => {
    const group = new ProcessGroup(FAST);
    const worker = group.start("worker", ...node(FOREVER), { quiet: true });
    const first = worker.child.pid!;
    process.kill(first, "SIGKILL");
    await until(
      "a new worker process",
      () => worker.restarts === 1 && worker.child.pid !== first && worker.child.exitCode === null,
    );
    expect(() => process.kill(worker.child.pid!, 0)).not.toThrow();
    expect(await settled(group.failure())).toBe("pending");
    await group.stop();
    expect(worker.child.exitCode !== null || worker.child.signalCode !== null).toBe(true);
  });

  it("supervised, gives up on a child that keeps dying, and says so", async () => {
    const group = new ProcessGroup(FAST);
    const crashing = group.start("crashing", ...node("process.exit(7)"), { quiet: true });
    expect(await group.failure()).toEqual({ name: "crashing", code: 7, gaveUp: true });
    expect(crashing.restarts).toBe(FAST.maxRestarts);
    await group.stop();
  });

  it("restarts nothing once stopping", async () => {
    const group = new ProcessGroup(FAST);
    const worker = group.start("worker", ...node(FOREVER), { quiet: true });
    await group.stop();
    await new Promise((r) => setTimeout(r, 300));
    expect(worker.restarts).toBe(0);
    expect(await settled(group.failure())).toBe("pending");
  });

  it("stops in the reverse order of the start, a kind at a time, each with its own signal", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "vo-stop-order-"));
    const log = path.join(dir, "log");
    // Each child notes the signal it got, then takes 200 ms to stop (as a worker draining).
    const child = (name: string) =>
      node(
        `const fs = require("node:fs"); for (const s of ["SIGTERM", "SIGINT"]) process.on(s, () => { fs.appendFileSync(${JSON.stringify(log)}, "${name} " + s + "\\n"); setTimeout(() => process.exit(0), 200); }); fs.appendFileSync(${JSON.stringify(log)}, "${name} ready\\n"); ${FOREVER}`,
      );
    const group = new ProcessGroup();
    group.start("database", ...child("database"), { quiet: true, stopSignal: "SIGINT" });
    group.start("worker:a", ...child("worker:a"), { quiet: true });
    group.start("worker:b", ...child("worker:b"), { quiet: true });
    group.start("web", ...child("web"), { quiet: true });
    const lines = () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []);
    await until("every child listening for its signal", () => lines().length === 4);
    await group.stop();
    const stopped = lines().slice(4);
    expect(stopped[0]).toBe("web SIGTERM");
    expect(stopped.slice(1, 3).sort()).toEqual(["worker:a SIGTERM", "worker:b SIGTERM"]);
    expect(stopped[3]).toBe("database SIGINT");
    for (const m of group.children) expect(m.child.exitCode).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });
});
