import { expect, type Page } from "@playwright/test";
import { DEMO_CITIZENS, DEMO_STAFF } from "@visit-once/prisma";

// What a zh-CN page may show in Latin letters: codes, names and product names, nothing else.

/** Product and technical names a Chinese page may name as they are, and the language switch's own label. */
const ALLOWED_WORDS = new Set([
  "English",
  "Temporal",
  "PDF",
  "OpenID",
  "Connect",
  "TOTP",
  "ID",
  "QR",
  "HTTP",
  "FreeOTP",
  "Google",
  "Microsoft",
  "Authenticator",
]);

/** People's names as the demo accounts spell them (names are shown as written). */
const NAMES = [...DEMO_CITIZENS, ...DEMO_STAFF].map((a) => a.name).sort((a, b) => b.length - a.length);

const STRIP = [
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g, // email addresses (sign-in names)
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, // case and account ids
  /\bVO(-[0-9A-Z]{4}){3,6}\b/g, // verification codes
  /\bhttps?:\/\/\S+/g, // addresses shown as text
];

/** The Latin words on the page (its title too) that are not codes, names or allowed product names. */
export async function englishWords(page: Page): Promise<string[]> {
  // Text the page marks as another language (a tool's English-only setting name, an office's
  // English name beside its Chinese one) or as code (office, service and role codes) is meant as such.
  let shown = await page.locator("body").innerText();
  for (const other of await page.locator('body [lang]:not([lang^="zh"]), body code').allInnerTexts())
    shown = shown.replace(other, " ");
  let text = `${await page.title()}\n${shown}`;
  for (const name of NAMES) text = text.replaceAll(name, " ");
  for (const pattern of STRIP) text = text.replace(pattern, " ");
  // A word is letters only: "H330102", "VO-…" and a credit code's "91330106MA2…" are codes.
  const words = text.match(/(?<![\p{L}\p{N}_-])[A-Za-z][A-Za-z'’]*[A-Za-z](?![\p{L}\p{N}_-])/gu) ?? [];
  return [...new Set(words.filter((w) => !ALLOWED_WORDS.has(w)))];
}

/** Full 18-character identity numbers in the page's text (every page shows them masked). */
export async function fullIdentityNumbers(page: Page): Promise<string[]> {
  const text = await page.locator("body").innerText();
  return text.match(/(?<![0-9])[0-9]{17}[0-9X](?![0-9A-Za-z])/g) ?? [];
}

/** Opens `path` in Chinese and fails on English words or a full identity number. */
export async function expectChinesePage(page: Page, path: string): Promise<void> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("networkidle").catch(() => undefined);
  await expect(page.locator("html"), path).toHaveAttribute("lang", "zh-CN");
  // Soft: one walk lists every page that fails, not only the first.
  expect.soft(await englishWords(page), `English on ${path}`).toEqual([]);
  expect.soft(await fullIdentityNumbers(page), `identity numbers on ${path}`).toEqual([]);
}

/** The rest of this context's pages in Chinese (as the language switch would set it). */
export async function readInChinese(page: Page): Promise<void> {
  const baseURL = new URL(page.url()).origin;
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL }]);
}
