import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce in production, with no eval and no upgrade over http", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", development: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("style-src 'self' 'nonce-abc'");
    expect(csp).not.toContain("unsafe");
    expect(csp).not.toContain("upgrade-insecure-requests");
    for (const d of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"])
      expect(csp).toContain(d);
  });

  it("adds eval and inline styles only for next dev, and upgrades requests over https", () => {
    const dev = contentSecurityPolicy({ nonce: "abc", development: true, https: false });
    expect(dev).toContain("'unsafe-eval'");
    expect(dev).toContain("style-src 'self' 'unsafe-inline'");
    expect(contentSecurityPolicy({ nonce: "abc", development: false, https: true })).toContain(
      "upgrade-insecure-requests",
    );
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, fresh each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("STATIC_SECURITY_HEADERS", () => {
  it("denies framing, sniffing and every listed powerful feature", () => {
    expect(STATIC_SECURITY_HEADERS["X-Frame-Options"]).toBe("DENY");
    expect(STATIC_SECURITY_HEADERS["X-Content-Type-Options"]).toBe("nosniff");
    expect(STATIC_SECURITY_HEADERS["Permissions-Policy"]!.split(", ").every((p) => p.endsWith("=()"))).toBe(true);
  });
});
