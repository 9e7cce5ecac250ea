import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["prisma", "workflows", "workers", "web"],
  },
});
