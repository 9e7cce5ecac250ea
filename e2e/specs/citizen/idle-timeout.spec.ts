import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, MEI, signIn } from "../../support/citizen";

test("an idle session is warned after 25 minutes and signed out at 30", async ({ page }) => {
  await page.clock.install();
  await signIn(page, MEI);
  await page.goto("/services");
  const dialog = page.getByRole("dialog", { name: "Are you still there?" });
  await expect(dialog).toBeHidden();
  // The clock moves only once the page's idle timers run (after hydration), or they would start late.
  await expect(page.locator('dialog[data-armed="true"]')).toHaveCount(1);

  await page.clock.fastForward("24:50");
  await expect(dialog).toBeHidden();
  await page.clock.fastForward("00:20");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("You will be signed out in 5 minutes");
  await expect(dialog.getByRole("button", { name: "Stay signed in" })).toBeFocused();
  await expectNoSeriousA11yViolations(page);

  // Staying restarts the count.
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await page.clock.fastForward("29:00");
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(/\/services$/);

  await page.clock.fastForward("01:10");
  await expect(page).toHaveURL(/\/signin\?reason=idle/);
  await expect(page.getByTestId("signed-out-idle")).toBeVisible();
  const session = await page.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
});
