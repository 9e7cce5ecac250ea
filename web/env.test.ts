import {
  generateBlindIndexKey,
  generateDataKey,
  TEST_BLIND_INDEX_KEY,
  TEST_DATA_KEYS,
} from "@visit-once/prisma/at-rest";
import { describe, expect, it } from "vitest";
import { generateLedgerKeyPem } from "@visit-once/prisma/ledger";
import { generateCodecKey, TEST_CODEC_KEYS } from "@visit-once/workflows/contracts/payload-codec";
import { parseEnv } from "./env";

const minimal = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x",
  NEXTAUTH_SECRET: "s",
  VO_TEMPORAL_CODEC_KEYS: TEST_CODEC_KEYS,
};

describe("parseEnv", () => {
  it("applies defaults", () => {
    const e = parseEnv(minimal);
    expect(e.temporal).toEqual({ address: "127.0.0.1:7233", namespace: "default" });
    expect(e.TEMPORAL_UI_URL).toBe("http://127.0.0.1:8233");
    expect(e.departmentUrls["public-security"]).toBe("http://127.0.0.1:4101");
  });

  it("reads department URLs from their variables", () => {
    const e = parseEnv({ ...minimal, VO_DEPT_CIVIL_AFFAIRS_URL: "http://civil.example:9000/" });
    expect(e.departmentUrls["civil-affairs"]).toBe("http://civil.example:9000");
  });

  it("names every missing or wrong variable", () => {
    expect(() => parseEnv({ VO_DEPT_HEALTH_URL: "not a url" })).toThrow(
      /DATABASE_URL[\s\S]*NEXTAUTH_SECRET[\s\S]*VO_TEMPORAL_CODEC_KEYS is required[\s\S]*VO_DEPT_HEALTH_URL/,
    );
  });

  it("parses the Temporal codec keys, newest last, and names what is wrong with them", () => {
    const value = `${generateCodecKey("old")},${generateCodecKey("new")}`;
    expect(parseEnv({ ...minimal, VO_TEMPORAL_CODEC_KEYS: value }).temporalCodecKeys.map((k) => k.id)).toEqual([
      "old",
      "new",
    ]);
    expect(() => parseEnv({ ...minimal, VO_TEMPORAL_CODEC_KEYS: "k1:c2hvcnQ=" })).toThrow(
      /VO_TEMPORAL_CODEC_KEYS key "k1" must be 32 bytes/,
    );
  });

  it("treats empty strings as unset", () => {
    const e = parseEnv({ ...minimal, TEMPORAL_ADDRESS: "", NEXTAUTH_URL: "" });
    expect(e.temporal.address).toBe("127.0.0.1:7233");
    expect(e.NEXTAUTH_URL).toBeUndefined();
  });

  it("reads Temporal's settings as the workers do: cert and key together, a malformed address named", () => {
    expect(() => parseEnv({ ...minimal, TEMPORAL_TLS_CERT_PATH: "/c.pem" })).toThrow(/TEMPORAL_TLS_KEY_PATH/);
    expect(() => parseEnv({ ...minimal, TEMPORAL_ADDRESS: "localhost" })).toThrow(
      /TEMPORAL_ADDRESS: expected host:port/,
    );
    expect(parseEnv({ ...minimal, TEMPORAL_NAMESPACE: "vo", TEMPORAL_API_KEY: "k" }).temporal).toMatchObject({
      namespace: "vo",
      tls: true,
      apiKey: "k",
    });
  });

  it("takes an OIDC provider whole or not at all", () => {
    const oidc = {
      OIDC_ISSUER: "https://login.example.gov.cn/realms/citizens",
      OIDC_CLIENT_ID: "visit-once",
      OIDC_CLIENT_SECRET: "x",
    };
    expect(parseEnv({ ...minimal, ...oidc })).toMatchObject(oidc);
    expect(parseEnv(minimal).OIDC_ISSUER).toBeUndefined();
    expect(() => parseEnv({ ...minimal, OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(
      /OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together/,
    );
    expect(() => parseEnv({ ...minimal, ...oidc, OIDC_ISSUER: "login" })).toThrow(/OIDC_ISSUER must be a URL/);
  });

  it("reads the idle timeouts, 25 and 30 minutes by default, the sign-out after the warning", () => {
    expect(parseEnv(minimal)).toMatchObject({ VO_IDLE_WARNING_SECONDS: 1500, VO_IDLE_SIGNOUT_SECONDS: 1800 });
    expect(parseEnv({ ...minimal, VO_IDLE_WARNING_SECONDS: "5", VO_IDLE_SIGNOUT_SECONDS: "10" })).toMatchObject({
      VO_IDLE_WARNING_SECONDS: 5,
      VO_IDLE_SIGNOUT_SECONDS: 10,
    });
    expect(() => parseEnv({ ...minimal, VO_IDLE_WARNING_SECONDS: "soon" })).toThrow(/VO_IDLE_WARNING_SECONDS/);
    expect(() => parseEnv({ ...minimal, VO_IDLE_WARNING_SECONDS: "60", VO_IDLE_SIGNOUT_SECONDS: "30" })).toThrow(
      /VO_IDLE_SIGNOUT_SECONDS must be greater/,
    );
  });

  it("reads the absolute session lifetime, 12 hours by default, longer than the idle sign-out", () => {
    expect(parseEnv(minimal).VO_SESSION_MAX_SECONDS).toBe(43200);
    expect(parseEnv({ ...minimal, VO_SESSION_MAX_SECONDS: "7200" }).VO_SESSION_MAX_SECONDS).toBe(7200);
    expect(() => parseEnv({ ...minimal, VO_SESSION_MAX_SECONDS: "600" })).toThrow(
      /VO_SESSION_MAX_SECONDS must be greater than VO_IDLE_SIGNOUT_SECONDS/,
    );
    expect(() => parseEnv({ ...minimal, VO_SESSION_MAX_SECONDS: "12h" })).toThrow(
      /VO_SESSION_MAX_SECONDS must be a whole number/,
    );
  });

  it("sizes the rate limits from <requests>/<seconds>, with defaults", () => {
    const e = parseEnv(minimal);
    expect(e.VO_LIMIT_VERIFY).toEqual({ points: 30, seconds: 60 });
    expect(e.VO_LIMIT_SUBMISSIONS).toEqual({ points: 10, seconds: 3600 });
    expect(e.VO_LIMIT_CASE_ACTIONS).toEqual({ points: 60, seconds: 60 });
    expect([
      e.VO_SIGNIN_FREE_FAILURES,
      e.VO_SIGNIN_ADDRESS_FREE_FAILURES,
      e.VO_SIGNIN_MAX_LOCK_SECONDS,
      e.VO_SIGNIN_WINDOW_SECONDS,
      e.VO_TRUSTED_PROXIES,
    ]).toEqual([5, 20, 900, 900, 0]);
    expect(parseEnv({ ...minimal, VO_LIMIT_VERIFY: "5/10", VO_TRUSTED_PROXIES: "1" })).toMatchObject({
      VO_LIMIT_VERIFY: { points: 5, seconds: 10 },
      VO_TRUSTED_PROXIES: 1,
    });
    expect(() => parseEnv({ ...minimal, VO_LIMIT_VERIFY: "30 per minute" })).toThrow(
      /VO_LIMIT_VERIFY must be <requests>\/<seconds>, e.g. 30\/60/,
    );
    expect(() => parseEnv({ ...minimal, VO_LIMIT_CASE_ACTIONS: "0/60" })).toThrow(
      /VO_LIMIT_CASE_ACTIONS must be <requests>\/<seconds> with both above 0/,
    );
    expect(() => parseEnv({ ...minimal, VO_TRUSTED_PROXIES: "-1" })).toThrow(
      /VO_TRUSTED_PROXIES must be a whole number/,
    );
  });

  it("reads the ledger's signing key as PEM or base64 PKCS#8, and names a wrong one without echoing it", () => {
    const pem = generateLedgerKeyPem();
    const base64 = pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
    expect(parseEnv({ ...minimal, VO_LEDGER_SIGNING_KEY: pem }).ledgerKey?.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(parseEnv({ ...minimal, VO_LEDGER_SIGNING_KEY: base64 }).ledgerKey?.keyId).toBe(
      parseEnv({ ...minimal, VO_LEDGER_SIGNING_KEY: pem }).ledgerKey?.keyId,
    );
    expect(parseEnv(minimal).ledgerKey).toBeUndefined();
    expect(() => parseEnv({ ...minimal, VO_LEDGER_SIGNING_KEY: "not-a-key-secret" })).toThrow(
      /VO_LEDGER_SIGNING_KEY must be an Ed25519 private key/,
    );
    expect(() => parseEnv({ ...minimal, VO_LEDGER_SIGNING_KEY: "not-a-key-secret" })).not.toThrow(/not-a-key-secret/);
  });

  it("reads the at-rest keys, the last sealing, and names a malformed one", () => {
    const cipher = parseEnv({
      ...minimal,
      VO_DATA_KEYS: `${generateDataKey("old")},${generateDataKey("new")}`,
      VO_BLIND_INDEX_KEY: generateBlindIndexKey(),
    }).fieldCipher;
    expect(cipher.newestKeyId).toBe("new");
    expect(() => parseEnv({ ...minimal, VO_DATA_KEYS: "k1:c2hvcnQ=" })).toThrow(
      /VO_DATA_KEYS key "k1" must be 32 bytes/,
    );
    expect(() => parseEnv({ ...minimal, VO_BLIND_INDEX_KEY: "c2hvcnQ=" })).toThrow(
      /VO_BLIND_INDEX_KEY must be 32 bytes/,
    );
  });

  describe("VO_ENV=production", () => {
    const production = {
      ...minimal,
      VO_ENV: "production",
      NEXTAUTH_SECRET: "q".repeat(40),
      VO_LEDGER_SIGNING_KEY: generateLedgerKeyPem(),
      VO_TEMPORAL_CODEC_KEYS: generateCodecKey("k1"),
      VO_DATA_KEYS: generateDataKey("d1"),
      VO_BLIND_INDEX_KEY: generateBlindIndexKey(),
      VO_PUBLIC_BASE_URL: "https://yicibao.example.gov.cn",
    };

    it("is development unless said otherwise, and accepts a production setup", () => {
      expect(parseEnv(minimal).VO_ENV).toBe("development");
      expect(parseEnv(production).VO_ENV).toBe("production");
      expect(() => parseEnv({ ...minimal, VO_ENV: "prod" })).toThrow(/VO_ENV must be development or production/);
    });

    it("refuses a short or generated NEXTAUTH_SECRET", () => {
      expect(() => parseEnv({ ...production, NEXTAUTH_SECRET: "short" })).toThrow(
        /NEXTAUTH_SECRET must be set to your own random value/,
      );
      expect(() => parseEnv({ ...production, NEXTAUTH_GENERATED_SECRET: "1" })).toThrow(
        /NEXTAUTH_SECRET must be set to your own random value/,
      );
      expect(parseEnv({ ...minimal, NEXTAUTH_GENERATED_SECRET: "1" }).VO_ENV).toBe("development");
    });

    it("refuses generated Temporal codec keys and the tests' key", () => {
      const message = /VO_TEMPORAL_CODEC_KEYS must be set to your own keys in production/;
      expect(() => parseEnv({ ...production, VO_TEMPORAL_CODEC_KEYS_GENERATED: "1" })).toThrow(message);
      expect(() => parseEnv({ ...production, VO_TEMPORAL_CODEC_KEYS: TEST_CODEC_KEYS })).toThrow(message);
    });

    it("refuses missing, generated or the tests' at-rest keys", () => {
      expect(() => parseEnv({ ...production, VO_DATA_KEYS: "" })).toThrow(
        /VO_DATA_KEYS must be set to your own keys in production/,
      );
      expect(() => parseEnv({ ...production, VO_DATA_KEYS: TEST_DATA_KEYS })).toThrow(
        /VO_DATA_KEYS must be set to your own keys in production/,
      );
      expect(() => parseEnv({ ...production, VO_DATA_KEYS_GENERATED: "1" })).toThrow(
        /VO_DATA_KEYS must be set[\s\S]*VO_BLIND_INDEX_KEY must be set/,
      );
      expect(() => parseEnv({ ...production, VO_BLIND_INDEX_KEY: TEST_BLIND_INDEX_KEY })).toThrow(
        /VO_BLIND_INDEX_KEY must be set to your own key in production/,
      );
    });

    it("refuses the embedded PostgreSQL", () => {
      expect(() => parseEnv({ ...production, VO_EMBEDDED_POSTGRES: "1" })).toThrow(
        /DATABASE_URL must name your PostgreSQL in production/,
      );
      const publicUrl = /VO_PUBLIC_BASE_URL must be set in production to the address the public reaches/;
      expect(() => parseEnv({ ...production, VO_PUBLIC_BASE_URL: "" })).toThrow(publicUrl);
      expect(() => parseEnv({ ...production, VO_PUBLIC_BASE_URL: "http://localhost:3000" })).toThrow(publicUrl);
      expect(() => parseEnv({ ...production, VO_PUBLIC_BASE_URL: "http://127.0.0.1:3000" })).toThrow(publicUrl);
      expect(() => parseEnv({ ...production, VO_PUBLIC_BASE_URL: "http://[::1]:3000" })).toThrow(publicUrl);
      expect(() => parseEnv({ ...minimal, VO_PUBLIC_BASE_URL: "not a url" })).toThrow(
        /VO_PUBLIC_BASE_URL must be a URL/,
      );
      expect(() => parseEnv({ ...production, VO_LEDGER_SIGNING_KEY: "" })).toThrow(
        /VO_LEDGER_SIGNING_KEY must be set to your own Ed25519 private key/,
      );
      expect(() => parseEnv({ ...production, VO_LEDGER_GENERATED_KEY: "1" })).toThrow(
        /VO_LEDGER_SIGNING_KEY must be set to your own Ed25519 private key/,
      );
    });
  });
});
