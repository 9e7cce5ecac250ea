import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "./safe-callback";

// Open-redirect payloads in the style of PayloadsAllTheThings' list, as they arrive after
// the query string is decoded once (what the sign-in page and next-auth receive).
const OPEN_REDIRECT_PAYLOADS = [
  "//evil.example",
  "///evil.example",
  "////evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "\t//evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%0d%0a/evil.example",
  "/%0d/evil.example",
  "%0d%0aLocation:%20https://evil.example",
  "/ /evil.example",
  "/ //evil.example",
  " //evil.example",
  "/\u3000/evil.example",
  "/\uff0f/evil.example",
  "\uff0f\uff0fevil.example",
  "/\u2215\u2215evil.example",
  "/%2f%2fevil.example",
  "/%2F%2Fevil.example",
  "/%5cevil.example",
  "/%5c%5cevil.example",
  "%2f%2fevil.example",
  "javascript:alert(1)",
  "/javascript:alert(1)".slice(1),
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "https:evil.example",
  "https:/evil.example",
  "https://evil.example",
  "http://evil.example",
  "//evil.example@127.0.0.1",
  "@evil.example",
  "/@evil.example".slice(1),
  "evil.example",
  "//127.0.0.1.evil.example",
  "/.evil.example".slice(1),
  "/\u0000/evil.example",
  "/\u0000//evil.example",
  "/\u00a0/evil.example",
  "/é",
  "",
];

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackPath("/applications/1")).toBe("/applications/1");
    expect(safeCallbackPath("/staff/exceptions?kind=CONFLICT#top")).toBe("/staff/exceptions?kind=CONFLICT#top");
    expect(safeCallbackPath("/")).toBe("/");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeCallbackPath("/applications/../staff")).toBe("/staff");
    expect(safeCallbackPath("/../../evil.example")).toBe("/evil.example");
  });

  it.each(OPEN_REDIRECT_PAYLOADS)("refuses %j", (payload) => {
    expect(safeCallbackPath(payload)).toBe("/");
  });

  it("refuses missing and overlong values", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
    expect(safeCallbackPath(`/${"a".repeat(3000)}`)).toBe("/");
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const base = "http://127.0.0.1:3000";
  it("keeps our own paths and URLs", () => {
    expect(safeRedirectUrl("/applications/1", base)).toBe("http://127.0.0.1:3000/applications/1");
    expect(safeRedirectUrl("http://127.0.0.1:3000/staff?x=1", base)).toBe("http://127.0.0.1:3000/staff?x=1");
  });

  it.each([
    ...OPEN_REDIRECT_PAYLOADS,
    "http://127.0.0.1:3001/",
    "https://127.0.0.1:3000/",
    "http://127.0.0.1:3000//evil.example",
  ])("sends %j to the root", (payload) => {
    expect(safeRedirectUrl(payload, base)).toBe("http://127.0.0.1:3000/");
  });
});
