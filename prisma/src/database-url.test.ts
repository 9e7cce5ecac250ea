import { describe, expect, it } from "vitest";
import { departmentStoresUrl, poolConfig, withDatabase } from "./database-url";

describe("DATABASE_URL", () => {
  it("splits a URL into discrete pool fields", () => {
    expect(poolConfig("postgresql://app:s%40cret@db.example:6543/visit_once")).toMatchObject({
      host: "db.example",
      port: 6543,
      user: "app",
      password: "s@cret",
      database: "visit_once",
    });
  });
  it("keeps the process's name for pg_stat_activity", () => {
    expect(poolConfig("postgresql://app@h/visit_once?application_name=vo-web").application_name).toBe("vo-web");
    expect(poolConfig("postgresql://app@h/visit_once").application_name).toBeUndefined();
  });
  it("says what is wrong with a bad URL", () => {
    expect(() => poolConfig("not a url")).toThrow(/not a valid URL/);
    expect(() => poolConfig("mysql://x@h/db")).toThrow(/must start with postgresql/);
    expect(() => poolConfig("postgresql://x@h:5432/")).toThrow(/must name a database/);
  });
  it("points at another database on the same server", () => {
    expect(withDatabase("postgresql://u@h:5432/a?x=1", "b")).toBe("postgresql://u@h:5432/b?x=1");
  });
  it("puts the department stores beside the database, named after it", () => {
    expect(departmentStoresUrl("postgresql://u:p@h:5432/visit_once?x=1")).toBe("postgresql://u:p@h:5432/visit_once_departments?x=1");
    expect(departmentStoresUrl("postgresql://u@h/vo%20test")).toBe("postgresql://u@h/vo%20test_departments");
  });
});
