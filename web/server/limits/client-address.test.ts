import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("takes the rightmost hop when no proxy is trusted (what `next start` set, or the last claim)", () => {
    expect(clientAddress("203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.1, 198.51.100.4", 0)).toBe("198.51.100.4");
  });

  it("skips the trusted proxies' own entries, never trusting what the client wrote before them", () => {
    expect(clientAddress("6.6.6.6, 198.51.100.4, 10.0.0.2", 2)).toBe("198.51.100.4");
    expect(clientAddress("198.51.100.4", 1)).toBe("198.51.100.4");
    expect(clientAddress("198.51.100.4", 5)).toBe("198.51.100.4");
  });

  it("normalises IPv4-mapped IPv6, brackets and ports", () => {
    expect(clientAddress("::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress("[2001:DB8::1]:443", 0)).toBe("2001:db8::1");
    expect(clientAddress("192.0.2.1:5555", 0)).toBe("192.0.2.1");
  });

  it("names a missing header 'unknown'", () => {
    expect(clientAddress(null, 0)).toBe("unknown");
    expect(clientAddress(" , ", 1)).toBe("unknown");
  });
});
