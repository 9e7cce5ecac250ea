import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { departmentStoresUrl, poolConfig, prismaEngineUrl, withDatabase } from "./database-url";

const dir = mkdtempSync(path.join(os.tmpdir(), "vo-sslmode-"));
const ca = path.join(dir, "ca.pem");
writeFileSync(ca, "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = "postgresql://app:pw@db.example:5432/visit_once";

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
    expect(departmentStoresUrl("postgresql://u:p@h:5432/visit_once?x=1")).toBe(
      "postgresql://u:p@h:5432/visit_once_departments?x=1",
    );
    expect(departmentStoresUrl("postgresql://u@h/vo%20test")).toBe("postgresql://u@h/vo%20test_departments");
  });

  describe("sslmode", () => {
    it("connects in clear when the URL says nothing, and refuses TLS files without a mode", () => {
      expect(poolConfig(base).ssl).toBeUndefined();
      expect(() => poolConfig(`${base}?sslrootcert=${ca}`)).toThrow(/no sslmode: add sslmode=verify-full/);
    });
    it("disable: no TLS", () => {
      expect(poolConfig(`${base}?sslmode=disable`).ssl).toBe(false);
    });
    it("require: encrypts without checking the server, unless a CA file is given", () => {
      expect(poolConfig(`${base}?sslmode=require`).ssl).toEqual({ rejectUnauthorized: false });
      const withCa = poolConfig(`${base}?sslmode=require&sslrootcert=${ca}`).ssl as Record<string, unknown>;
      expect(withCa).toMatchObject({ rejectUnauthorized: true, ca: expect.stringContaining("BEGIN CERTIFICATE") });
    });
    it("verify-full: the CA file's contents, and Node's own host name check", () => {
      const ssl = poolConfig(`${base}?sslmode=verify-full&sslrootcert=${encodeURIComponent(ca)}`).ssl as Record<
        string,
        unknown
      >;
      expect(ssl.rejectUnauthorized).toBe(true);
      expect(ssl.ca).toContain("BEGIN CERTIFICATE");
      expect(ssl.checkServerIdentity).toBeUndefined();
      expect(poolConfig(`${base}?sslmode=verify-full&sslrootcert=system`).ssl).toEqual({ rejectUnauthorized: true });
    });
    it("verify-ca: the chain, not the name", () => {
      const ssl = poolConfig(`${base}?sslmode=verify-ca&sslrootcert=${ca}`).ssl as {
        checkServerIdentity: () => unknown;
      };
      expect(ssl.checkServerIdentity()).toBeUndefined();
    });
    it("a client certificate: both halves or neither", () => {
      const ssl = poolConfig(`${base}?sslmode=verify-full&sslrootcert=${ca}&sslcert=${ca}&sslkey=${ca}`).ssl as Record<
        string,
        unknown
      >;
      expect(ssl).toMatchObject({ cert: expect.any(String), key: expect.any(String) });
      expect(() => poolConfig(`${base}?sslmode=verify-full&sslcert=${ca}`)).toThrow(
        /sslcert and sslkey must be given together/,
      );
    });
    it("says what is wrong: an unknown mode, prefer, a CA file that is not there", () => {
      expect(() => poolConfig(`${base}?sslmode=prefer`)).toThrow(
        /sslmode=prefer is not supported: use disable, require, verify-ca, verify-full/,
      );
      expect(() => poolConfig(`${base}?sslmode=strict`)).toThrow(/sslmode=strict is not supported/);
      expect(() => poolConfig(`${base}?sslmode=verify-full&sslrootcert=/nowhere/ca.pem`)).toThrow(
        /sslrootcert=\/nowhere\/ca.pem cannot be read: ENOENT/,
      );
    });
    it("Prisma's migrate engine gets the same meaning in its own words", () => {
      expect(prismaEngineUrl(base)).toBe(base);
      expect(new URL(prismaEngineUrl(`${base}?sslmode=disable`)).searchParams.get("sslmode")).toBe("disable");
      const req = new URL(prismaEngineUrl(`${base}?sslmode=require`)).searchParams;
      expect([req.get("sslmode"), req.get("sslaccept"), req.get("sslcert")]).toEqual([
        "require",
        "accept_invalid_certs",
        null,
      ]);
      const full = new URL(prismaEngineUrl(`${base}?sslmode=verify-full&sslrootcert=${ca}&application_name=vo-migrate`))
        .searchParams;
      expect([
        full.get("sslmode"),
        full.get("sslaccept"),
        full.get("sslcert"),
        full.get("sslrootcert"),
        full.get("application_name"),
      ]).toEqual(["require", "strict", ca, null, "vo-migrate"]);
      expect(() => prismaEngineUrl(`${base}?sslmode=prefer`)).toThrow(/not supported/);
    });
  });
});
