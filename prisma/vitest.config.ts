import { defineConfig } from "vitest/config";

// 30 s as in the other packages: the ledger tests write under concurrency on a shared two-core machine.
export default defineConfig({ test: { include: ["src/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000 } });
