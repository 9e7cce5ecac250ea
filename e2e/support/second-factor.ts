import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { DEMO_TOTP_SECRET } from "@visit-once/prisma";
import { TOTP } from "otpauth";

const PERIOD_MS = 30_000;
const totp = (secret: string) => new TOTP({ secret, algorithm: "SHA1", digits: 6, period: 30 });

// The server refuses a code whose time step was already used by that account, so the helper
// remembers the last step it used per account and takes the next one (the server accepts
// one step ahead for clock drift; beyond that, it waits). The memory is a file, shared by the
// journeys' and the security stage's Playwright runs against the same stack.
const STEPS_FILE = path.join(
  os.tmpdir(),
  `visit-once-e2e-totp-steps-${new URL(process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000").port}.json`,
);
const lastStep = {
  get(key: string): number | undefined {
    try {
      return (JSON.parse(readFileSync(STEPS_FILE, "utf8")) as Record<string, number>)[key];
    } catch {
      return undefined;
    }
  },
  set(key: string, step: number): void {
    let all: Record<string, number> = {};
    try {
      all = JSON.parse(readFileSync(STEPS_FILE, "utf8")) as Record<string, number>;
    } catch {
      // first use
    }
    writeFileSync(STEPS_FILE, JSON.stringify({ ...all, [key]: step }));
  },
};

/** A fresh TOTP code for `account` that the server has not seen yet (the demo secret unless given). */
export async function freshCode(account: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  const key = `${account}:${secret}`;
  const now = Date.now();
  const current = Math.floor(now / PERIOD_MS);
  const step = Math.max(current, (lastStep.get(key) ?? -1) + 1);
  if (step > current + 1) await new Promise((r) => setTimeout(r, (step - 1) * PERIOD_MS - now + 200));
  lastStep.set(key, step);
  return totp(secret).generate({ timestamp: step * PERIOD_MS });
}

/**
 * On the sign-in code step, enters a fresh code and waits to leave the sign-in pages. A code
 * refused as used (a step this process did not see, e.g. after a worker restart) is followed by the next one.
 */
export async function passSecondFactor(page: Page, account: string, secret?: string): Promise<void> {
  await expect(page.getByRole("heading", { name: "Enter your sign-in code" })).toBeVisible();
  for (let attempt = 1; ; attempt++) {
    await page.getByRole("textbox", { name: "Code" }).fill(await freshCode(account, secret));
    // The form's server action answers an accepted code with a redirect (Next's x-action-redirect).
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/signin/code"),
      page.getByRole("button", { name: "Continue" }).click(),
    ]);
    if (answer.headers()["x-action-redirect"] || attempt === 3) break;
  }
  await expect(page).not.toHaveURL(/\/signin/);
}
