// One lint setup for every workspace.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { builtinModules } from "node:module";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/generated/**",
      ".tools/**",
      ".data/**",
      "**/next-env.d.ts",
      "**/test-results/**",
      "**/playwright-report/**",
      "**/*.mjs",
      "**/dist/**",
      "vitest.config.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through the workspace's env.ts." },
      ],
    },
  },
  {
    // Workflow code is replayed: no I/O, no Node built-ins, no database, no web framework.
    files: ["workflows/src/**/*.ts"],
    // The payload codec runs in the clients and workers, never in the sandbox (the bundle test checks).
    ignores: ["workflows/src/**/*.test.ts", "workflows/src/contracts/payload-codec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: builtinModules
            .flatMap((m) => [m, `node:${m}`])
            .map((name) => ({ name, message: "Workflow code must not use Node built-ins." })),
          patterns: [
            {
              group: [
                "@prisma/*",
                "@visit-once/prisma",
                "pg",
                "next",
                "next/*",
                "next-auth",
                "next-auth/*",
                "@temporalio/worker",
                "@temporalio/client",
              ],
              message: "Workflow code must stay deterministic: no database, web or worker imports.",
            },
          ],
        },
      ],
    },
  },
  {
    // The files that are allowed to read process.env: each workspace's env and the launchers.
    files: [
      "**/env.ts",
      "workers/stack/src/**",
      "workers/sandboxes/src/index.ts",
      "prisma/migrate.config.ts",
      "prisma/src/cli.ts",
      "prisma/src/migrate.ts",
      "e2e/**",
      "**/*.test.ts",
      "workers/worker/src/testing/**",
      "web/server/testing/**",
      "web/testing/**",
      "prisma/src/testing/**",
    ],
    rules: { "no-restricted-properties": "off" },
  },
);
