import { describe, expect, it } from "vitest";
import { descendantsCpuMs, descendantsMemoryMb, processLabel, total } from "./rss";
import { spawn } from "node:child_process";
import { once } from "node:events";

describe("processLabel", () => {
  it("names a Node process by the script it runs, PostgreSQL's processes as one, any other by its program", () => {
    expect(processLabel(["/usr/bin/node", "--enable-source-maps", "/r/.bundles/orchestrator-worker.mjs"])).toBe(
      "orchestrator-worker",
    );
    expect(processLabel(["/usr/bin/node", "/r/node_modules/tsx/dist/cli.mjs", "/r/workers/stack/src/bench.ts"])).toBe(
      "bench",
    );
    expect(processLabel(["postgres: visit_once_app visit_once 127.0.0.1(51234) idle"])).toBe("postgres");
    expect(processLabel(["/r/.data/pg/bin/postgres", "-D", "/r/.data/pg"])).toBe("postgres");
    expect(processLabel(["/r/.tools/temporal/bin/temporal", "server", "start-dev"])).toBe("temporal");
  });
});

describe("a process's descendants", () => {
  it("counts a busy child's CPU and memory under its label", async () => {
    const child = spawn(process.execPath, ["-e", "const end = Date.now() + 1500; while (Date.now() < end);"]);
    const exited = once(child, "exit");
    await new Promise((resolve) => setTimeout(resolve, 800));
    const memory = descendantsMemoryMb(process.pid);
    const cpu = descendantsCpuMs(process.pid);
    await exited;
    expect(memory.get("node")).toBeGreaterThan(5);
    expect(total(memory)).toBeGreaterThanOrEqual(memory.get("node")!);
    expect(cpu.get("node")).toBeGreaterThan(100);
  });
});
