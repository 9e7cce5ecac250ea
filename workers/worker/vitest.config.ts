import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // The integration tests share one Temporal server per file; files run one at a time
    // so two cores are not oversubscribed.
    fileParallelism: false,
    testTimeout: 30_000,
  },
});
