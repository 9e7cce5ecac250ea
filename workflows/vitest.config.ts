import { defineConfig } from "vitest/config";

// 30 s as in the other packages: the property tests run thousands of cases and timed out at 5 s on a loaded two-core machine.
export default defineConfig({ test: { include: ["src/**/*.test.ts"], testTimeout: 30_000 } });
