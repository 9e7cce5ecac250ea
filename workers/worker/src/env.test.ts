import {
  generateBlindIndexKey,
  generateDataKey,
  TEST_BLIND_INDEX_KEY,
  TEST_DATA_KEYS,
} from "@visit-once/prisma/at-rest";
import { describe, expect, it } from "vitest";
import { DEPARTMENT_CODES } from "@visit-once/workflows/contracts";
import { generateLedgerKeyPem } from "@visit-once/prisma/ledger";
import { generateCodecKey, TEST_CODEC_KEYS } from "@visit-once/workflows/contracts/payload-codec";
import {
  cacheHeapWarning,
  databaseRoles,
  departmentConnection,
  departmentKeyEnvName,
  departmentWorkerSettings,
  observabilitySettings,
  workerTuning,
  orchestratorTuning,
  fieldCipher,
  ledgerKey,
  productionConfigProblems,
  runtimeMode,
  sandboxAdminKey,
  temporalCodecKeys,
  temporalSettings,
  trustOffForBench,
} from "./env";

describe("temporalSettings", () => {
  // The reading itself is tested beside it (workflows/src/connection/temporal-settings.test.ts); the web reads it the same way.
  it("reads envconfig's variables, defaulting to a local server without TLS", () => {
    expect(temporalSettings({})).toEqual({ address: "127.0.0.1:7233", namespace: "default" });
    expect(
      temporalSettings({
        TEMPORAL_ADDRESS: "temporal.internal:7233",
        TEMPORAL_NAMESPACE: "visit-once",
        TEMPORAL_API_KEY: "key",
      }),
    ).toEqual({
      address: "temporal.internal:7233",
      namespace: "visit-once",
      tls: true,
      apiKey: "key",
    });
    expect(() => temporalSettings({ TEMPORAL_ADDRESS: "localhost" })).toThrow(/TEMPORAL_ADDRESS: expected host:port/);
  });
});

describe("VO_ENV=production", () => {
  const keys = Object.fromEntries(DEPARTMENT_CODES.map((c) => [departmentKeyEnvName(c), `real-${c}-credential`]));
  const ready = {
    VO_ENV: "production",
    ...keys,
    VO_SANDBOX_ADMIN_KEY: "our-own-admin-secret",
    NEXTAUTH_SECRET: "x".repeat(44),
    DATABASE_URL: "postgresql://visit_once_app:pw@db.internal:5432/visit_once",
    VO_MIGRATION_DATABASE_URL: "postgresql://visit_once:pw2@db.internal:5432/visit_once",
    VO_LEDGER_SIGNING_KEY: generateLedgerKeyPem(),
    VO_TEMPORAL_CODEC_KEYS: generateCodecKey("k1"),
    VO_DATA_KEYS: generateDataKey("d1"),
    VO_BLIND_INDEX_KEY: generateBlindIndexKey(),
  };

  it("is development by default and keeps the embedded defaults there", () => {
    expect(runtimeMode({})).toBe("development");
    expect(productionConfigProblems({})).toEqual([]);
    expect(departmentConnection("health", {}).key).toBe("sandbox-key-health");
    expect(sandboxAdminKey({})).toBe("sandbox-admin");
    expect(() => runtimeMode({ VO_ENV: "live" })).toThrow(/VO_ENV must be development or production/);
  });

  it("accepts a configuration with every default replaced", () => {
    expect(productionConfigProblems(ready)).toEqual([]);
    expect(departmentConnection("taxation", ready).key).toBe("real-taxation-credential");
    expect(sandboxAdminKey(ready)).toBe("our-own-admin-secret");
  });

  it.each(DEPARTMENT_CODES)("refuses %s's sandbox key, left unset or set to the default", (code) => {
    const name = departmentKeyEnvName(code);
    for (const value of [undefined, `sandbox-key-${code}`]) {
      const source = { ...ready, [name]: value };
      expect(productionConfigProblems(source)).toEqual([
        `${name}: set ${code}'s real credential (the sandbox key "sandbox-key-${code}" is public)`,
      ]);
      expect(() => departmentConnection(code, source)).toThrow(
        new RegExp(`${name}: set ${code}'s real credential in production`),
      );
    }
  });

  it("refuses the default sandbox admin key", () => {
    for (const value of [undefined, "sandbox-admin"]) {
      const source = { ...ready, VO_SANDBOX_ADMIN_KEY: value };
      expect(productionConfigProblems(source)).toEqual([
        `VO_SANDBOX_ADMIN_KEY: set your own secret (the default "sandbox-admin" is public)`,
      ]);
      expect(() => sandboxAdminKey(source)).toThrow(/VO_SANDBOX_ADMIN_KEY: set your own secret in production/);
    }
  });

  it("refuses a missing (to be generated) or short NEXTAUTH_SECRET", () => {
    for (const value of [undefined, "short"]) {
      expect(productionConfigProblems({ ...ready, NEXTAUTH_SECRET: value })).toEqual([
        "NEXTAUTH_SECRET: set your own random value of at least 32 characters (e.g. `openssl rand -base64 32`); production never generates one",
      ]);
    }
  });

  it("wants the application's role and the owner apart (no role derived with a generated password)", () => {
    expect(productionConfigProblems({ ...ready, VO_MIGRATION_DATABASE_URL: "" })).toEqual([
      "VO_MIGRATION_DATABASE_URL: set it to the owner that migrates, and DATABASE_URL to the application's own role (production never derives one with a generated password)",
    ]);
  });

  it("refuses the embedded PostgreSQL (no DATABASE_URL)", () => {
    expect(productionConfigProblems({ ...ready, DATABASE_URL: "" })).toEqual([
      "DATABASE_URL: name your PostgreSQL (production never starts the embedded one)",
    ]);
  });

  it("refuses a missing ledger signing key", () => {
    expect(productionConfigProblems({ ...ready, VO_LEDGER_SIGNING_KEY: " " })).toEqual([
      "VO_LEDGER_SIGNING_KEY: set the access ledger's Ed25519 private key (PEM or base64 PKCS#8, e.g. `openssl genpkey -algorithm ed25519`); production never generates one",
    ]);
    expect(() => ledgerKey({ ...ready, VO_LEDGER_SIGNING_KEY: "" })).toThrow(
      /VO_LEDGER_SIGNING_KEY: set the access ledger's signing key in production/,
    );
  });
  it("refuses missing Temporal codec keys, and the tests' public key", () => {
    expect(productionConfigProblems({ ...ready, VO_TEMPORAL_CODEC_KEYS: "" })).toEqual([
      "VO_TEMPORAL_CODEC_KEYS: set the Temporal payload keys as id:base64key (e.g. `k1:$(openssl rand -base64 32)`); production never generates them",
    ]);
    expect(productionConfigProblems({ ...ready, VO_TEMPORAL_CODEC_KEYS: TEST_CODEC_KEYS })).toEqual([
      "VO_TEMPORAL_CODEC_KEYS: the tests' key is public; set your own",
    ]);
  });
  it("refuses missing at-rest keys (VO_DATA_KEYS, VO_BLIND_INDEX_KEY), and the tests' public ones", () => {
    const problems = productionConfigProblems({ ...ready, VO_DATA_KEYS: TEST_DATA_KEYS, VO_BLIND_INDEX_KEY: "" });
    expect(problems).toEqual([
      "VO_DATA_KEYS: the tests' key is public; set your own",
      "VO_BLIND_INDEX_KEY: set the identity numbers' blind index key (`openssl rand -base64 32`); production never generates one",
    ]);
    expect(productionConfigProblems({ ...ready, VO_BLIND_INDEX_KEY: TEST_BLIND_INDEX_KEY })).toEqual([
      "VO_BLIND_INDEX_KEY: the tests' key is public; set your own",
    ]);
  });
});

describe("VO_DATA_KEYS and VO_BLIND_INDEX_KEY", () => {
  it("are required outside the test runner, and name what is wrong", () => {
    expect(() => fieldCipher({})).toThrow(/VO_DATA_KEYS: required/);
    expect(() => fieldCipher({ VO_DATA_KEYS: generateDataKey("d1") })).toThrow(/VO_BLIND_INDEX_KEY: required/);
    expect(() => fieldCipher({ VO_DATA_KEYS: "k1:c2hvcnQ=", VO_BLIND_INDEX_KEY: generateBlindIndexKey() })).toThrow(
      /VO_DATA_KEYS: key "k1" must be 32 bytes/,
    );
    const cipher = fieldCipher({
      VO_DATA_KEYS: `${generateDataKey("old")},${generateDataKey("new")}`,
      VO_BLIND_INDEX_KEY: generateBlindIndexKey(),
    });
    expect(cipher.newestKeyId).toBe("new");
    expect(fieldCipher({ VITEST: "true" }).newestKeyId).toBe(TEST_DATA_KEYS.split(":")[0]);
  });
});

describe("VO_BENCH_TRUST", () => {
  it("turns the codec and the ledger off only when exactly `off`, and never in production", () => {
    expect(trustOffForBench({})).toBe(false);
    expect(trustOffForBench({ VO_BENCH_TRUST: "no" })).toBe(false);
    expect(trustOffForBench({ VO_BENCH_TRUST: "off" })).toBe(true);
    expect(() => trustOffForBench({ VO_BENCH_TRUST: "off", VO_ENV: "production" })).toThrow(/VO_BENCH_TRUST/);
  });

  it("is refused by production's configuration check, whatever its value", () => {
    expect(productionConfigProblems({ VO_ENV: "production", VO_BENCH_TRUST: "on" })).toContain(
      "VO_BENCH_TRUST: only the benchmark's comparison run sets it; production always seals payloads and writes the access ledger",
    );
  });
});

describe("VO_TEMPORAL_CODEC_KEYS", () => {
  it("gives the keys, the newest last", () => {
    const value = `${generateCodecKey("old")},${generateCodecKey("new")}`;
    expect(temporalCodecKeys({ VO_TEMPORAL_CODEC_KEYS: value }).map((k) => k.id)).toEqual(["old", "new"]);
  });

  it("is required, and names what is wrong with it", () => {
    expect(() => temporalCodecKeys({})).toThrow(/VO_TEMPORAL_CODEC_KEYS: required/);
    expect(() => temporalCodecKeys({ VO_TEMPORAL_CODEC_KEYS: "k1:c2hvcnQ=" })).toThrow(
      /VO_TEMPORAL_CODEC_KEYS: key "k1" must be 32 bytes/,
    );
  });
});

describe("ledgerKey", () => {
  it("is optional in development, and reads PEM or base64 PKCS#8 to the same key", () => {
    expect(ledgerKey({})).toBeUndefined();
    const pem = generateLedgerKeyPem();
    const base64 = pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
    expect(ledgerKey({ VO_LEDGER_SIGNING_KEY: base64 })?.keyId).toBe(ledgerKey({ VO_LEDGER_SIGNING_KEY: pem })?.keyId);
  });

  it("names a key that is not Ed25519, without echoing it", () => {
    expect(() => ledgerKey({ VO_LEDGER_SIGNING_KEY: "c2VjcmV0LXZhbHVl" })).toThrow(
      /VO_LEDGER_SIGNING_KEY must be an Ed25519 private key/,
    );
    expect(() => ledgerKey({ VO_LEDGER_SIGNING_KEY: "c2VjcmV0LXZhbHVl" })).not.toThrow(/c2VjcmV0/);
  });
});

describe("databaseRoles", () => {
  const app = "postgresql://visit_once_app:pw@db.internal:5432/visit_once";
  const owner = "postgresql://visit_once:pw2@db.internal/visit_once";

  it("takes DATABASE_URL alone (the owner, from which the launcher derives the application's role), or both apart", () => {
    expect(databaseRoles({})).toEqual({ url: undefined });
    expect(databaseRoles({ DATABASE_URL: owner })).toEqual({ url: owner });
    expect(databaseRoles({ DATABASE_URL: app, VO_MIGRATION_DATABASE_URL: owner })).toEqual({
      url: app,
      migrationUrl: owner,
    });
  });

  it("says what is wrong with a migration URL that cannot go with DATABASE_URL", () => {
    expect(() => databaseRoles({ VO_MIGRATION_DATABASE_URL: owner })).toThrow(
      "VO_MIGRATION_DATABASE_URL is the owner that migrates; set DATABASE_URL too, to the application's own role on the same database",
    );
    expect(() => databaseRoles({ DATABASE_URL: app, VO_MIGRATION_DATABASE_URL: "mysql://x@h/db" })).toThrow(
      "VO_MIGRATION_DATABASE_URL must be a URL such as postgresql://user:password@host:5432/visit_once",
    );
    expect(() =>
      databaseRoles({ DATABASE_URL: app, VO_MIGRATION_DATABASE_URL: owner.replace(/\/visit_once$/, "/other") }),
    ).toThrow(
      "DATABASE_URL (db.internal:5432/visit_once) and VO_MIGRATION_DATABASE_URL (db.internal:5432/other) must name the same server and database",
    );
    expect(() => databaseRoles({ DATABASE_URL: owner.replace("pw2", "x"), VO_MIGRATION_DATABASE_URL: owner })).toThrow(
      /DATABASE_URL connects as "visit_once", the owner VO_MIGRATION_DATABASE_URL names; set it to the application's own role/,
    );
  });
});

describe("a department's worker", () => {
  it("holds its own key only: another department's key in its environment is refused by name", () => {
    expect(departmentWorkerSettings("health", { VO_DEPT_HEALTH_KEY: "h" })).toMatchObject({ key: "h" });
    expect(() =>
      departmentWorkerSettings("health", {
        VO_DEPT_HEALTH_KEY: "h",
        VO_DEPT_TAXATION_KEY: "t",
        VO_DEPT_CIVIL_AFFAIRS_KEY: "c",
      }),
    ).toThrow(/VO_DEPT_CIVIL_AFFAIRS_KEY, VO_DEPT_TAXATION_KEY: the health worker holds VO_DEPT_HEALTH_KEY only/);
    expect(departmentWorkerSettings("health", { VO_DEPT_TAXATION_KEY: " " })).toMatchObject({
      key: "sandbox-key-health",
    });
  });

  it("limits the department's requests across replicas at VO_DEPARTMENT_RATE_LIMIT a second", () => {
    expect(workerTuning({})).toEqual({ VO_DEPARTMENT_CONCURRENCY: 20, VO_DEPARTMENT_RATE_LIMIT: 50 });
    expect(workerTuning({ VO_DEPARTMENT_RATE_LIMIT: "2.5" }).VO_DEPARTMENT_RATE_LIMIT).toBe(2.5);
    expect(() => workerTuning({ VO_DEPARTMENT_RATE_LIMIT: "0" })).toThrow(/VO_DEPARTMENT_RATE_LIMIT must be above 0/);
  });
});

describe("orchestratorTuning", () => {
  it("keeps 1,000 cases in the workflow cache unless told, and refuses a cache the SDK cannot run", () => {
    expect(orchestratorTuning({})).toEqual({ VO_MAX_CACHED_WORKFLOWS: 1000 });
    expect(orchestratorTuning({ VO_MAX_CACHED_WORKFLOWS: "250" }).VO_MAX_CACHED_WORKFLOWS).toBe(250);
    expect(() => orchestratorTuning({ VO_MAX_CACHED_WORKFLOWS: "1" })).toThrow(
      /VO_MAX_CACHED_WORKFLOWS must be at least 2/,
    );
    expect(() => orchestratorTuning({ VO_MAX_CACHED_WORKFLOWS: "many" })).toThrow(/VO_MAX_CACHED_WORKFLOWS/);
  });

  it("warns when the cache would outgrow the heap's cap, and not when it fits", () => {
    const GiB = 2 ** 30;
    expect(cacheHeapWarning(1000, GiB)).toBeNull();
    expect(cacheHeapWarning(1500, GiB)).toBeNull();
    expect(cacheHeapWarning(5000, GiB)).toBe(
      "VO_MAX_CACHED_WORKFLOWS=5000 needs about 3000 MiB of heap (0.6 MiB a case) but the heap is capped at 1024 MiB: raise --max-old-space-size (and the memory limit) or lower the cache",
    );
    expect(cacheHeapWarning(5000, 4 * GiB)).toBeNull();
  });
});

describe("observabilitySettings", () => {
  it("defaults to info logs (warn under the test runner), no metrics address, metrics from port 9464, no traces", () => {
    expect(observabilitySettings({})).toEqual({
      logLevel: "info",
      metricsAddress: undefined,
      metricsPort: 9464,
      tracesExported: false,
    });
    expect(observabilitySettings({ VITEST: "true" }).logLevel).toBe("warn");
    expect(observabilitySettings({ VO_LOG_LEVEL: "", VO_METRICS_ADDRESS: "" })).toMatchObject({
      logLevel: "info",
      metricsAddress: undefined,
    });
  });

  it("takes a level, an address, a port and an OTLP endpoint", () => {
    expect(
      observabilitySettings({
        VO_LOG_LEVEL: "debug",
        VO_METRICS_ADDRESS: "0.0.0.0:9500",
        VO_METRICS_PORT: "19464",
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318",
      }),
    ).toEqual({ logLevel: "debug", metricsAddress: "0.0.0.0:9500", metricsPort: 19464, tracesExported: true });
    expect(
      observabilitySettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://127.0.0.1:4318/v1/traces" }).tracesExported,
    ).toBe(true);
  });

  it("says what is wrong", () => {
    expect(() => observabilitySettings({ VO_LOG_LEVEL: "loud" })).toThrow(
      /VO_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/,
    );
    expect(() => observabilitySettings({ VO_METRICS_ADDRESS: "9464" })).toThrow(
      /VO_METRICS_ADDRESS: expected host:port/,
    );
    expect(() => observabilitySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector" })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT: expected a URL/,
    );
  });
});
