import { expect, test } from "@playwright/test";
import type { WorkingCalendar } from "@visit-once/workflows/contracts";
import { addWorkingDays, cstDay } from "@visit-once/workflows/working-days";
import { database } from "../../support/accounts";
import { expectNoSeriousA11yViolations, MEI, signedInPage, signIn, submitNewborn } from "../../support/citizen";
import { readChinese } from "../../support/language";
import { ADMIN } from "../../support/staff";

// The working calendar: the State Council's years from the package, read only; an
// administrator sets the days of a year the package does not know yet; a case's deadline
// counts the calendar and the citizen reads it as a day with the working days left.

const DAY = 86_400_000;
const YEAR = "2027";
test.describe.configure({ mode: "serial" });

test.afterAll(async () => {
  await database().workingCalendarDay.deleteMany({
    where: { source: "ADMIN", OR: [{ day: { startsWith: `${YEAR}-` } }, { nameEn: "Test holiday (e2e)" }] },
  });
});

test("the admin reads the State Council's 2026, then adds, changes and removes days of 2027, in both languages", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A retry starts from a clean year and reads only its own audit entries.
  await database().workingCalendarDay.deleteMany({ where: { source: "ADMIN", day: { startsWith: `${YEAR}-` } } });
  const auditFrom = (await database().auditEntry.aggregate({ _max: { id: true } }))._max.id ?? 0n;
  await signIn(page, ADMIN);
  await page
    .getByRole("navigation", { name: "Staff workspaces" })
    .getByRole("link", { name: "Working calendar" })
    .click();
  await expect(page.getByRole("heading", { name: "Working calendar", exact: true })).toBeVisible();
  await page.goto("/staff/admin/calendar?year=2026");
  // National Day 1–7 October, and Saturday 10 October a 调休 working day (chinese-days).
  for (const d of ["01", "02", "03", "04", "05", "06", "07"])
    await expect(page.getByTestId(`calendar-day-2026-10-${d}`)).toContainText("Public holiday (day off)");
  await expect(page.getByTestId("calendar-day-2026-10-10")).toContainText("Saturday 10 October");
  await expect(page.getByTestId("calendar-day-2026-10-10")).toContainText("Working day (调休)");
  await expect(page.getByTestId("calendar-day-2026-10-01")).toContainText("National Day");
  await expect(page.getByTestId("calendar-source")).toContainText("State Council's arrangement");
  await expect(page.getByRole("form", { name: "Add a day" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: `${YEAR} →` }).click();
  await expect(page.getByTestId("calendar-year")).toHaveText(YEAR);
  await expect(page.getByTestId("calendar-source")).toContainText("does not know this year yet");
  const add = page.getByRole("form", { name: "Add a day" });
  // A day of the package's years is refused, and so is an empty name.
  await add.getByLabel("Date").fill("2026-10-09");
  await add.getByLabel("Name in Chinese").fill("国庆节");
  await add.getByLabel("Name in English").fill("National Day");
  await add.getByRole("button", { name: "Save day" }).click();
  await expect(add.getByText("That year is the State Council's arrangement from the package")).toBeVisible();
  expect(await database().workingCalendarDay.findUnique({ where: { day: "2026-10-09" } })).toBeNull();

  for (const [day, kind] of [
    [`${YEAR}-10-01`, "Public holiday (day off)"],
    [`${YEAR}-10-09`, "Working day (调休)"],
  ] as const) {
    await add.getByLabel("Date").fill(day);
    await add.getByLabel("Kind of day").selectOption({ label: kind });
    await add.getByLabel("Name in Chinese").fill("国庆节");
    await add.getByLabel("Name in English").fill("National Day");
    await add.getByRole("button", { name: "Save day" }).click();
    await expect
      .poll(async () => (await database().workingCalendarDay.findUnique({ where: { day } }))?.source)
      .toBe("ADMIN");
    await expect(add.getByTestId("calendar-outcome")).toHaveText("Day saved. New deadlines count it.");
  }
  await page.reload();
  await expect(page.getByTestId(`calendar-day-${YEAR}-10-01`)).toContainText("Public holiday (day off)");
  await expect(page.getByTestId(`calendar-day-${YEAR}-10-09`)).toContainText("Saturday 9 October");
  await expect(page.getByTestId(`calendar-day-${YEAR}-10-09`)).toContainText("Administrator");
  await expectNoSeriousA11yViolations(page);

  // The admin changes a day: its name.
  await page.getByRole("link", { name: "Change Saturday 9 October" }).click();
  const edit = page.getByRole("form", { name: "Change a day" });
  await expect(edit.getByLabel("Date")).toHaveValue(`${YEAR}-10-09`);
  await edit.getByLabel("Name in English").fill("National Day (make-up working day)");
  await edit.getByRole("button", { name: "Save day" }).click();
  await expect(edit.getByTestId("calendar-outcome")).toHaveText("Day saved. New deadlines count it.");
  expect(await database().workingCalendarDay.findUniqueOrThrow({ where: { day: `${YEAR}-10-09` } })).toMatchObject({
    kind: "WORKDAY",
    nameEn: "National Day (make-up working day)",
    source: "ADMIN",
  });

  // And removes one.
  await page.goto(`/staff/admin/calendar?year=${YEAR}`);
  await page.getByRole("button", { name: "Remove Friday 1 October" }).click();
  await expect(page.getByTestId("calendar-status")).toHaveText(
    "Day removed: that date follows Monday to Friday again.",
  );
  await expect(page.getByTestId(`calendar-day-${YEAR}-10-01`)).toHaveCount(0);

  const audit = await database().auditEntry.findMany({
    where: {
      id: { gt: auditFrom },
      resource: { in: [`calendar-day:${YEAR}-10-01`, `calendar-day:${YEAR}-10-09`, "calendar-day:2026-10-09"] },
    },
    orderBy: { id: "asc" },
  });
  expect(audit.map((a) => [a.resource, a.action, a.outcome])).toEqual([
    ["calendar-day:2026-10-09", "change", "package-year"],
    [`calendar-day:${YEAR}-10-01`, "change", "done"],
    [`calendar-day:${YEAR}-10-09`, "change", "done"],
    [`calendar-day:${YEAR}-10-09`, "change", "done"],
    [`calendar-day:${YEAR}-10-01`, "delete", "done"],
  ]);
  expect(audit.every((a) => a.requestId && a.role === "ADMIN" && a.allowed)).toBe(true);

  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "工作日历", exact: true })).toBeVisible();
  await expect(page.getByTestId(`calendar-day-${YEAR}-10-09`)).toContainText("10月9日星期六");
  await expect(page.getByTestId(`calendar-day-${YEAR}-10-09`)).toContainText("调休上班");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "English" }).click();
});

test("the admin counts a deadline across National Day 2026: 5 working days from 28 September land on the 调休 Saturday, in both languages", async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await page.goto("/staff/admin/calendar");
  const counter = page.getByTestId("working-day-counter");
  await counter.getByLabel("Start date").fill("2026-09-28");
  await counter.getByLabel("Working days").fill("5");
  await counter.getByRole("button", { name: "Count" }).click();
  await expect(page).toHaveURL(/[?&]from=2026-09-28&days=5$/);
  // Weekdays alone would say Monday 5 October, inside the holiday (1–7 October).
  await expect(page.getByTestId("working-day-count")).toHaveText(
    "5 working days from 28 September 2026: due on 10 October 2026 (Saturday).",
  );
  await expectNoSeriousA11yViolations(page);

  // A count the form would not send is refused at its field, and nothing is counted.
  await page.goto("/staff/admin/calendar?from=2026-02-30&days=0");
  await expect(counter.getByText("Enter a real date, like 2026-09-28.")).toBeVisible();
  await expect(counter.getByText("Enter a whole number of working days from 1 to 365.")).toBeVisible();
  await expect(counter.getByLabel(/Working days/)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("working-day-count")).toHaveCount(0);

  await readChinese(page);
  await page.goto("/staff/admin/calendar?from=2026-09-28&days=5");
  await expect(page.getByTestId("working-day-count")).toHaveText(
    "自2026年9月28日起5个工作日：2026年10月10日（星期六）到期。",
  );
});

test("a step's deadline counts the calendar's holidays: the citizen reads its day and the working days left", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  // The next three weekdays are holidays on the calendar (as the package or an admin sets them).
  const now = Date.now();
  const holidays: string[] = [];
  for (let t = now + DAY; holidays.length < 3; t += DAY)
    if (![0, 6].includes(new Date(t + 8 * 3_600_000).getUTCDay())) holidays.push(cstDay(t));
  expect(
    await database().workingCalendarDay.count({ where: { day: { in: holidays } } }),
    "the test's days must be free",
  ).toBe(0);
  await database().workingCalendarDay.createMany({
    data: holidays.map((day) => ({
      day,
      kind: "HOLIDAY" as const,
      nameEn: "Test holiday (e2e)",
      nameZh: "测试假日",
      source: "ADMIN" as const,
    })),
  });
  const calendar: WorkingCalendar = { from: cstDay(now), to: cstDay(now + 60 * DAY), holidays, workdays: [] };

  const mei = await signedInPage(browser, MEI);
  const applicationId = await submitNewborn(mei.request);
  await mei.goto(`/applications/${applicationId}`);
  const deadline = mei.getByTestId("step-household-registration").getByTestId("deadline");
  await expect(deadline).toBeVisible({ timeout: 90_000 });
  // Five working days, the holidays skipped: three days later than Monday to Friday would give.
  const due = cstDay(addWorkingDays(now, 5, calendar));
  expect(due).not.toBe(cstDay(addWorkingDays(now, 5)));
  await expect(deadline).toHaveAttribute("datetime", due);
  await expect(deadline).toHaveText(/^by \d{1,2} [A-Z][a-z]+( \d{4})? \(5 working days left\)$/);
  await expectNoSeriousA11yViolations(mei);

  await mei.getByRole("button", { name: "中文" }).click();
  await expect(deadline).toHaveText(/^(\d{4}年)?\d{1,2}月\d{1,2}日前（还剩5个工作日）$/);
  await mei.getByRole("button", { name: "English" }).click();
  await mei.context().close();
});
