import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";

// VO_LIMIT_VERIFY (default 30 per 60 s) per client address; this test's own address.
const flooder = `203.0.113.${randomInt(1, 255)}`;

test("checking verification codes in a flood is answered 429 with Retry-After, for that address only", async ({
  request,
}) => {
  const statuses: number[] = [];
  let refused: Awaited<ReturnType<typeof request.get>> | undefined;
  for (let i = 0; i < 40 && !refused; i++) {
    const res = await request.get(`/verify/VO-${String(1000 + i)}-0000-0000`, {
      headers: { "x-forwarded-for": flooder },
      maxRedirects: 0,
    });
    statuses.push(res.status());
    if (res.status() === 429) refused = res;
  }
  expect(
    statuses.slice(0, 30).every((s) => s === 200),
    statuses.join(","),
  ).toBe(true);
  expect(refused, `statuses: ${statuses.join(",")}`).toBeDefined();
  expect(statuses).toHaveLength(31);
  const wait = Number(refused!.headers()["retry-after"]);
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(60);
  const html = await refused!.text();
  expect(html).toContain("核验次数过多");
  expect(html).toContain("Too many codes were checked from your connection");

  // Someone else checking a code meanwhile is not held up.
  const other = await request.get("/verify/VO-0000-0000-0000", {
    headers: { "x-forwarded-for": `192.0.2.${randomInt(1, 255)}` },
  });
  expect(other.status()).toBe(200);
});
