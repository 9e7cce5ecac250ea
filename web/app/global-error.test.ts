import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import GlobalError from "./global-error";

// The page that stands in when the root layout itself fails cannot be reached on purpose
// from a running stack; what axe found missing on Next's default (a `lang`, a title) is checked here.
describe("the global error page", () => {
  const html = renderToStaticMarkup(createElement(GlobalError, { error: new Error("x"), reset: () => undefined }));

  it("has the document's language, a title in both languages and one main heading", () => {
    expect(html).toMatch(/^<html lang="zh-CN">/);
    expect(html).toMatch(/<title>出错了 · 一次办 \| Something went wrong · Visit Once<\/title>/);
    expect(html.match(/<h1\b/g)).toHaveLength(1);
  });

  it("says it in Chinese and in English, each part marked with its language, and never shows the error", () => {
    expect(html).toContain('<section lang="zh-CN"');
    expect(html).toContain('<section lang="en"');
    expect(html).toContain("您的申请不受影响");
    expect(html).toContain("Your applications are safe");
    expect(html).not.toContain(">x<");
  });
});
