import { defineConfig, devices } from "@playwright/test";

const CI = Boolean(process.env.CI);

// No webServer: the stack (database, Temporal, workers, web) is started by the test runner.
export default defineConfig({
  testDir: "specs",
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: 1,
  reporter: "list",
  // The whole stack shares two cores with the browser: a page's live refresh (every 2 s) or a
  // server action can take longer than Playwright's default 5 s to show under load.
  expect: { timeout: 10_000 },
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000",
    trace: CI ? "on-first-retry" : "off",
  },
  // The journeys, and the security stage (`npm test -- security`) as its own project.
  projects: [
    { name: "chromium", testIgnore: "security/**", use: chromium() },
    { name: "security", testMatch: "security/**/*.spec.ts", use: chromium() },
  ],
});

function chromium() {
  return {
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  };
}
