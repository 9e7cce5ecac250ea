import { describe, expect, it } from "vitest";
import { sandboxSettings } from "./env";
import { startDepartmentSandboxes } from "./index";

describe("the sandboxes' settings", () => {
  it("listen on loopback unless VO_SANDBOX_HOST says otherwise, and refuse what is not an address", () => {
    expect(sandboxSettings({}).host).toBe("127.0.0.1");
    expect(sandboxSettings({ VO_SANDBOX_HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(() => sandboxSettings({ VO_SANDBOX_HOST: "0.0.0.0; rm" })).toThrow(
      /VO_SANDBOX_HOST must be an address to listen on/,
    );
  });

  it("a sandbox started on a host answers there", async () => {
    const sandboxes = await startDepartmentSandboxes({ env: {}, anyPort: true, host: "127.0.0.2" });
    try {
      const port = new URL(sandboxes.health.url).port;
      expect((await fetch(`http://127.0.0.2:${port}/health`)).status).toBe(200);
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    } finally {
      await Promise.all(Object.values(sandboxes).map((s) => s.close()));
    }
  });
});
