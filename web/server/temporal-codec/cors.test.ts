import { describe, expect, it } from "vitest";
import { codecCorsHeaders } from "./cors";

describe("CORS of the codec endpoint", () => {
  it("lets the Temporal UI's origin, and only it, read answers with credentials", () => {
    const ui = codecCorsHeaders("http://127.0.0.1:8233", "http://127.0.0.1:8233/");
    expect(ui).toMatchObject({
      "Access-Control-Allow-Origin": "http://127.0.0.1:8233",
      "Access-Control-Allow-Credentials": "true",
      Vary: "Origin",
    });
    expect(ui["Access-Control-Allow-Headers"]).toContain("X-Namespace");
    for (const other of ["http://127.0.0.1:8234", "https://127.0.0.1:8233", "http://evil.example", null]) {
      const headers = codecCorsHeaders(other, "http://127.0.0.1:8233");
      expect(headers["Access-Control-Allow-Origin"]).toBeUndefined();
      expect(headers["Access-Control-Allow-Credentials"]).toBeUndefined();
    }
  });
});
