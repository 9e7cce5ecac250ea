import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["prisma", "workflows", "workers/worker", "workers/sandboxes", "workers/stack", "web"],
  },
});
