import { DEPARTMENT_CODES, defaultDepartmentUrl, departmentUrlEnvName } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { configuredDepartmentUrls, departmentUrls } from "./department-urls";

describe("department URLs", () => {
  it("point at the local sandboxes, by default on their usual ports", () => {
    const urls = departmentUrls();
    expect(Object.keys(urls)).toEqual(DEPARTMENT_CODES.map(departmentUrlEnvName));
    for (const code of DEPARTMENT_CODES) expect(urls[departmentUrlEnvName(code)]).toBe(defaultDepartmentUrl(code));
  });

  it("move every sandbox by the same offset", () => {
    expect(departmentUrls(10000).VO_DEPT_PUBLIC_SECURITY_URL).toBe("http://127.0.0.1:14101");
  });

  it("take a department's URL from its variable when set", () => {
    const urls = configuredDepartmentUrls({ VO_DEPT_HEALTH_URL: "http://health.example:9000" });
    expect(urls.VO_DEPT_HEALTH_URL).toBe("http://health.example:9000");
    expect(urls.VO_DEPT_PUBLIC_SECURITY_URL).toBe(defaultDepartmentUrl("public-security"));
  });
});
