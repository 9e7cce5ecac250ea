import { z } from "zod";
import { type LedgerKey, parseLedgerKey } from "@visit-once/prisma/ledger";
import {
  createFieldCipher,
  type FieldCipher,
  parseBlindIndexKey,
  parseDataKeys,
  TEST_BLIND_INDEX_KEY,
  TEST_DATA_KEYS,
} from "@visit-once/prisma/at-rest";
import { type CodecKey, parseCodecKeys, TEST_CODEC_KEYS } from "@visit-once/workflows/contracts/payload-codec";
import {
  type TemporalSettings,
  temporalSettings as readTemporalSettings,
} from "@visit-once/workflows/temporal-settings";
import {
  DEPARTMENT_CODES,
  type DepartmentCode,
  defaultDepartmentUrl,
  departmentUrlEnvName,
} from "@visit-once/workflows/contracts";

/** The one place worker-side code reads process.env; each value is checked with a plain message. */
const port = z.coerce.number().int().min(1).max(65535);

export function departmentKeyEnvName(code: DepartmentCode): string {
  return departmentUrlEnvName(code).replace(/_URL$/, "_KEY");
}

/** Development keys of the sandboxes; a deployment sets the real ones. */
export function defaultDepartmentKey(code: DepartmentCode): string {
  return `sandbox-key-${code}`;
}

function parse<T extends z.ZodTypeAny>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** Temporal's connection settings, read the one way the web reads them too (envconfig's variables). */
export function temporalSettings(source = process.env): TemporalSettings {
  return readTemporalSettings(source);
}

export function databaseUrl(source = process.env): string {
  return parse(z.object({ DATABASE_URL: z.string().min(1, "DATABASE_URL is required") }), source).DATABASE_URL;
}

/** Who connects to the orchestrator's database: the running processes, and the owner that migrates. */
export interface DatabaseRoles {
  /** DATABASE_URL: the application's role (or, without VO_MIGRATION_DATABASE_URL, the owner, from which the launcher derives one). */
  url?: string;
  /** VO_MIGRATION_DATABASE_URL: the owner that runs migrations and grants the application's role. */
  migrationUrl?: string;
}

/**
 * The launcher's database settings. VO_MIGRATION_DATABASE_URL (the owner) needs DATABASE_URL
 * (the application's role) on the same server and database, as another user.
 */
export function databaseRoles(source = process.env): DatabaseRoles {
  const url = source.DATABASE_URL?.trim() || undefined;
  const migrationUrl = source.VO_MIGRATION_DATABASE_URL?.trim() || undefined;
  if (!migrationUrl) return { url };
  const fail = (message: string) => {
    throw new Error(`Invalid configuration:\n  ${message}`);
  };
  if (!url)
    fail(
      "VO_MIGRATION_DATABASE_URL is the owner that migrates; set DATABASE_URL too, to the application's own role on the same database",
    );
  const where = (name: string, value: string) => {
    const u = URL.canParse(value) ? new URL(value) : undefined;
    if (!u || !/^postgres(ql)?:$/.test(u.protocol) || u.pathname.length < 2)
      return fail(`${name} must be a URL such as postgresql://user:password@host:5432/visit_once`);
    return {
      at: `${u.hostname}:${u.port || 5432}${decodeURIComponent(u.pathname)}`,
      user: decodeURIComponent(u.username || "postgres"),
    };
  };
  const app = where("DATABASE_URL", url!);
  const owner = where("VO_MIGRATION_DATABASE_URL", migrationUrl);
  if (app!.at !== owner!.at)
    fail(
      `DATABASE_URL (${app!.at}) and VO_MIGRATION_DATABASE_URL (${owner!.at}) must name the same server and database`,
    );
  if (app!.user === owner!.user) {
    fail(
      `DATABASE_URL connects as "${app!.user}", the owner VO_MIGRATION_DATABASE_URL names; set it to the application's own role (e.g. CREATE ROLE visit_once_app LOGIN PASSWORD '…')`,
    );
  }
  return { url, migrationUrl };
}

export interface DepartmentConnection {
  url: string;
  key: string;
}

export type RuntimeMode = "development" | "production";

/** VO_ENV: `production` refuses every development default that would be a way in. */
export function runtimeMode(source = process.env): RuntimeMode {
  return parse(
    z.object({
      VO_ENV: z
        .enum(["development", "production"], { message: "VO_ENV must be development or production" })
        .default("development"),
    }),
    { VO_ENV: source.VO_ENV?.trim() || undefined },
  ).VO_ENV;
}

/** Development key of the sandboxes' fault admin endpoint. */
export const DEFAULT_SANDBOX_ADMIN_KEY = "sandbox-admin";

/** The key guarding each sandbox's `/admin/faults`; in production it must be set, and not to the default. */
export function sandboxAdminKey(source = process.env): string {
  const key = source.VO_SANDBOX_ADMIN_KEY?.trim() || DEFAULT_SANDBOX_ADMIN_KEY;
  if (runtimeMode(source) === "production" && key === DEFAULT_SANDBOX_ADMIN_KEY) {
    throw new Error(
      `Invalid configuration:\n  VO_SANDBOX_ADMIN_KEY: set your own secret in production (the default "${DEFAULT_SANDBOX_ADMIN_KEY}" is public)`,
    );
  }
  return key;
}

/**
 * Everything production refuses that the environment alone shows, each line naming what to
 * set. (The database's own checks need a connection: see production-database.ts.)
 */
export function productionConfigProblems(source = process.env): string[] {
  if (runtimeMode(source) !== "production") return [];
  const problems: string[] = [];
  for (const code of DEPARTMENT_CODES) {
    const name = departmentKeyEnvName(code);
    const key = source[name]?.trim();
    if (!key || key === defaultDepartmentKey(code))
      problems.push(
        `${name}: set ${code}'s real credential (the sandbox key "${defaultDepartmentKey(code)}" is public)`,
      );
  }
  const admin = source.VO_SANDBOX_ADMIN_KEY?.trim();
  if (!admin || admin === DEFAULT_SANDBOX_ADMIN_KEY)
    problems.push(`VO_SANDBOX_ADMIN_KEY: set your own secret (the default "${DEFAULT_SANDBOX_ADMIN_KEY}" is public)`);
  const secret = source.NEXTAUTH_SECRET?.trim();
  if (!secret || secret.length < 32)
    problems.push(
      "NEXTAUTH_SECRET: set your own random value of at least 32 characters (e.g. `openssl rand -base64 32`); production never generates one",
    );
  if (!source.DATABASE_URL?.trim())
    problems.push("DATABASE_URL: name your PostgreSQL (production never starts the embedded one)");
  if (!source.VO_MIGRATION_DATABASE_URL?.trim()) {
    problems.push(
      "VO_MIGRATION_DATABASE_URL: set it to the owner that migrates, and DATABASE_URL to the application's own role (production never derives one with a generated password)",
    );
  }
  if (!source.VO_LEDGER_SIGNING_KEY?.trim())
    problems.push(
      "VO_LEDGER_SIGNING_KEY: set the access ledger's Ed25519 private key (PEM or base64 PKCS#8, e.g. `openssl genpkey -algorithm ed25519`); production never generates one",
    );
  const codecKeys = source.VO_TEMPORAL_CODEC_KEYS?.trim();
  if (!codecKeys)
    problems.push(
      "VO_TEMPORAL_CODEC_KEYS: set the Temporal payload keys as id:base64key (e.g. `k1:$(openssl rand -base64 32)`); production never generates them",
    );
  else if (codecKeys.includes(TEST_CODEC_KEYS.split(":")[1]!))
    problems.push("VO_TEMPORAL_CODEC_KEYS: the tests' key is public; set your own");
  if (source.VO_BENCH_TRUST?.trim())
    problems.push(
      "VO_BENCH_TRUST: only the benchmark's comparison run sets it; production always seals payloads and writes the access ledger",
    );
  const dataKeys = source.VO_DATA_KEYS?.trim();
  if (!dataKeys)
    problems.push(
      "VO_DATA_KEYS: set the keys that seal identity numbers and bank accounts as id:base64key (e.g. `k1:$(openssl rand -base64 32)`); production never generates them",
    );
  else if (dataKeys.includes(TEST_DATA_KEYS.split(":")[1]!))
    problems.push("VO_DATA_KEYS: the tests' key is public; set your own");
  const indexKey = source.VO_BLIND_INDEX_KEY?.trim();
  if (!indexKey)
    problems.push(
      "VO_BLIND_INDEX_KEY: set the identity numbers' blind index key (`openssl rand -base64 32`); production never generates one",
    );
  else if (indexKey === TEST_BLIND_INDEX_KEY)
    problems.push("VO_BLIND_INDEX_KEY: the tests' key is public; set your own");
  return problems;
}

/**
 * How email leaves: through VO_SMTP_URL's server; unset in development, into the development
 * mailbox table (/dev/mailbox); unset in production, not at all (the in-app inbox still has every message).
 */
export interface MailSettings {
  transport: "smtp" | "dev-mailbox" | "none";
  /** The SMS gateway (VO_SMS_GATEWAY_URL, its key VO_SMS_GATEWAY_KEY); development: the gateway sandbox; production unset: no SMS. */
  sms: { url?: string; key: string };
  smtpUrl?: string;
  from: string;
  /** The portal's address, for the links in a message (NEXTAUTH_URL, as the web reads it). */
  siteUrl: string;
}

export function mailSettings(source = process.env): MailSettings {
  const { VO_SMTP_URL: smtpUrl, VO_MAIL_FROM: from } = parse(
    z.object({
      VO_SMTP_URL: z
        .string()
        .regex(/^smtps?:\/\/\S+$/, "VO_SMTP_URL must be a URL such as smtps://user:password@mail.example.gov.cn:465")
        .optional(),
      VO_MAIL_FROM: z.string().min(3).default("Visit Once <no-reply@visit-once.local>"),
    }),
    { VO_SMTP_URL: source.VO_SMTP_URL?.trim() || undefined, VO_MAIL_FROM: source.VO_MAIL_FROM?.trim() || undefined },
  );
  const siteUrl = (source.NEXTAUTH_URL?.trim() || "http://127.0.0.1:3000").replace(/\/$/, "");
  const production = runtimeMode(source) === "production";
  const sms = smsGateway(source, production);
  if (smtpUrl) return { transport: "smtp", smtpUrl, from, siteUrl, sms };
  return { transport: production ? "none" : "dev-mailbox", from, siteUrl, sms };
}

/** Development default of the SMS gateway sandbox (workers/sandboxes/src/sms-gateway.ts). */
export const DEFAULT_SMS_GATEWAY_URL = "http://127.0.0.1:4109";
export const DEFAULT_SMS_GATEWAY_KEY = "sandbox-sms-key";

function smsGateway(source: Record<string, string | undefined>, production: boolean): MailSettings["sms"] {
  const { VO_SMS_GATEWAY_URL: url, VO_SMS_GATEWAY_KEY: key } = parse(
    z.object({
      VO_SMS_GATEWAY_URL: z
        .string()
        .regex(/^https?:\/\/\S+$/, "VO_SMS_GATEWAY_URL must be a URL such as https://sms.example.com")
        .optional(),
      VO_SMS_GATEWAY_KEY: z.string().min(8, "VO_SMS_GATEWAY_KEY must be at least 8 characters").optional(),
    }),
    {
      VO_SMS_GATEWAY_URL: source.VO_SMS_GATEWAY_URL?.trim() || undefined,
      VO_SMS_GATEWAY_KEY: source.VO_SMS_GATEWAY_KEY?.trim() || undefined,
    },
  );
  if (production) return { url, key: key ?? "" };
  return { url: url ?? DEFAULT_SMS_GATEWAY_URL, key: key ?? DEFAULT_SMS_GATEWAY_KEY };
}

/**
 * VO_DATA_KEYS (`id:base64key,…`, the last seals, every one opens) and VO_BLIND_INDEX_KEY
 * (32 bytes, base64): what seals identity numbers and bank accounts at rest and indexes them
 * for look-ups. `npm start` generates both into .data/; only the test runner may leave them
 * unset (the tests' public keys).
 */
export function fieldCipher(source = process.env): FieldCipher {
  const underTests = Boolean(source.VITEST);
  const keys = source.VO_DATA_KEYS?.trim() || (underTests ? TEST_DATA_KEYS : undefined);
  const index = source.VO_BLIND_INDEX_KEY?.trim() || (underTests ? TEST_BLIND_INDEX_KEY : undefined);
  if (!keys)
    throw new Error(
      "Invalid configuration:\n  VO_DATA_KEYS: required (the keys that seal identity numbers and bank accounts, id:base64key[,…]); `npm start` generates one into .data/data-keys",
    );
  if (!index)
    throw new Error(
      "Invalid configuration:\n  VO_BLIND_INDEX_KEY: required (32 bytes in base64); `npm start` generates one into .data/blind-index-key",
    );
  let parsed;
  try {
    parsed = parseDataKeys(keys);
  } catch (e) {
    throw new Error(`Invalid configuration:\n  VO_DATA_KEYS: ${(e as Error).message}`);
  }
  try {
    return createFieldCipher(parsed, parseBlindIndexKey(index));
  } catch (e) {
    throw new Error(`Invalid configuration:\n  VO_BLIND_INDEX_KEY: ${(e as Error).message}`);
  }
}

/**
 * The access ledger's checkpoint key (`VO_LEDGER_SIGNING_KEY`). Unset in development (tests, a
 * worker run by hand): the chain is still written, its checkpoints are not; production refuses.
 */
export function ledgerKey(source = process.env): LedgerKey | undefined {
  const text = source.VO_LEDGER_SIGNING_KEY?.trim();
  if (!text) {
    if (runtimeMode(source) === "production")
      throw new Error(
        "Invalid configuration:\n  VO_LEDGER_SIGNING_KEY: set the access ledger's signing key in production",
      );
    return undefined;
  }
  try {
    return parseLedgerKey(text);
  } catch (e) {
    throw new Error(`Invalid configuration:\n  ${(e as Error).message}`);
  }
}

/**
 * `VO_BENCH_TRUST=off`, set only by `npm run bench` for its comparison run: the workers hand
 * Temporal payloads unsealed and write no access-ledger entries, so the bench can state what the
 * codec and the ledger cost. Refused in production, ignored unless exactly `off`.
 */
export function trustOffForBench(source = process.env): boolean {
  if (source.VO_BENCH_TRUST?.trim() !== "off") return false;
  if (runtimeMode(source) === "production")
    throw new Error("Invalid configuration:\n  VO_BENCH_TRUST: `off` is for the benchmark's comparison run only");
  return true;
}

/**
 * VO_TEMPORAL_CODEC_KEYS: the keys of the Temporal payload codec, `id:base64key,…`, the last
 * the newest (it seals; every key opens). The launcher generates one into .data/ in
 * development and passes it to every process; nothing starts without it.
 */
export function temporalCodecKeys(source = process.env): CodecKey[] {
  const value = source.VO_TEMPORAL_CODEC_KEYS?.trim();
  if (!value) {
    throw new Error(
      "Invalid configuration:\n  VO_TEMPORAL_CODEC_KEYS: required (the keys that encrypt Temporal payloads, id:base64key[,…]); `npm start` generates one into .data/temporal-codec-keys",
    );
  }
  try {
    return parseCodecKeys(value);
  } catch (e) {
    throw new Error(`Invalid configuration:\n  VO_TEMPORAL_CODEC_KEYS: ${(e as Error).message}`);
  }
}

/** Only a department's own worker calls this, and it gets only that department's key. */
export function departmentConnection(code: DepartmentCode, source = process.env): DepartmentConnection {
  const urlName = departmentUrlEnvName(code);
  const keyName = departmentKeyEnvName(code);
  if (
    runtimeMode(source) === "production" &&
    (!source[keyName]?.trim() || source[keyName]?.trim() === defaultDepartmentKey(code))
  ) {
    throw new Error(
      `Invalid configuration:\n  ${keyName}: set ${code}'s real credential in production (the sandbox key is public)`,
    );
  }
  const e = parse(
    z.object({
      [urlName]: z
        .url({ message: `${urlName} must be a URL such as ${defaultDepartmentUrl(code)}` })
        .default(defaultDepartmentUrl(code)),
      [keyName]: z.string().min(1).default(defaultDepartmentKey(code)),
    }),
    source,
  ) as Record<string, string>;
  return { url: e[urlName]!, key: e[keyName]! };
}

export function workerTuning(source = process.env) {
  return parse(
    z.object({
      VO_DEPARTMENT_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(20),
      /** Requests a second to one department from all its workers together (Temporal's task-queue rate limit). */
      VO_DEPARTMENT_RATE_LIMIT: z.coerce
        .number()
        .positive("VO_DEPARTMENT_RATE_LIMIT must be above 0 (requests a second)")
        .max(10_000)
        .default(50),
    }),
    source,
  );
}

/**
 * The orchestrator's workflow cache: how many cases it keeps in memory between their workflow
 * tasks (about 0.6 MB each). A case out of the cache is replayed from its history at its next task
 * (an office's decision, days later). The SDK's default follows the heap (about 2,300 on a 4 GiB
 * heap). 1,000 holds the cases in flight when the bench overloads two cores (250 made the
 * orchestrator replay: its CPU per case rose from 185 to 299 ms and 67 cases timed out) and the
 * bench's 1,000 open cases, and fits the launcher's 1 GiB heap for the orchestrator (stack.ts).
 * README's Benchmark has the figures.
 */
export function orchestratorTuning(source = process.env) {
  return parse(
    z.object({
      VO_MAX_CACHED_WORKFLOWS: z.coerce
        .number()
        .int()
        .min(2, "VO_MAX_CACHED_WORKFLOWS must be at least 2 (the SDK's smallest cache)")
        .max(100_000)
        .default(1000),
    }),
    source,
  );
}

/** A cached case's memory in the orchestrator, measured with 1,000 open cases (README, Benchmark). */
const CACHED_CASE_MIB = 0.6;

/**
 * Says when the workflow cache would outgrow the orchestrator's heap (`--max-old-space-size`,
 * `NODE_OPTIONS`): the cache, the cap and the memory limit are set together (README, Scaling),
 * and a cache raised alone ends in a heap out of memory under load. Null when it fits.
 */
export function cacheHeapWarning(cachedWorkflows: number, heapLimitBytes: number): string | null {
  const heapMiB = Math.round(heapLimitBytes / 2 ** 20);
  const needMiB = Math.round(cachedWorkflows * CACHED_CASE_MIB);
  if (needMiB <= heapMiB * 0.9) return null;
  return `VO_MAX_CACHED_WORKFLOWS=${cachedWorkflows} needs about ${needMiB} MiB of heap (${CACHED_CASE_MIB} MiB a case) but the heap is capped at ${heapMiB} MiB: raise --max-old-space-size (and the memory limit) or lower the cache`;
}

/**
 * A department's worker: its own connection, and a refusal when the environment also holds
 * another department's key (a deployment that hands every worker every key has lost the
 * federation: one compromised worker would speak for all departments).
 */
export function departmentWorkerSettings(code: DepartmentCode, source = process.env): DepartmentConnection {
  const foreign = DEPARTMENT_CODES.filter((c) => c !== code && source[departmentKeyEnvName(c)]?.trim()).map(
    departmentKeyEnvName,
  );
  if (foreign.length > 0) {
    throw new Error(
      `Invalid configuration:\n  ${foreign.join(", ")}: the ${code} worker holds ${departmentKeyEnvName(code)} only; remove the other departments' keys from its environment`,
    );
  }
  return departmentConnection(code, source);
}

export function parseDepartmentCode(value: string | undefined): DepartmentCode {
  const code = DEPARTMENT_CODES.find((c) => c === value);
  if (!code) throw new Error(`Unknown department "${value ?? ""}". Expected one of: ${DEPARTMENT_CODES.join(", ")}`);
  return code;
}

export { port as portSchema };
export type { TemporalSettings };

/** A workflow bundle made ahead of time (`npm start` makes one); unset: bundle at start. */
export function workflowBundlePath(source = process.env): string | undefined {
  return source.VO_WORKFLOW_BUNDLE || undefined;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** An empty variable counts as unset (a launcher passes `VAR=` to clear one). */
const unsetIfEmpty = (v: unknown) => (v === "" ? undefined : v);

/**
 * Logs, metrics and traces: `VO_LOG_LEVEL` (default `info`, `warn` under the test runner),
 * `VO_METRICS_ADDRESS` (`host:port` where this worker serves Prometheus metrics; unset: none; `npm start`
 * gives each worker one from `VO_METRICS_PORT`, default 9464),
 * and the standard `OTEL_EXPORTER_OTLP_ENDPOINT` / `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (unset: no traces exported).
 */
export function observabilitySettings(source = process.env) {
  const e = parse(
    z.object({
      VO_LOG_LEVEL: z.preprocess(
        unsetIfEmpty,
        z.enum(LOG_LEVELS, { message: `VO_LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}` }).optional(),
      ),
      VO_METRICS_ADDRESS: z.preprocess(
        unsetIfEmpty,
        z
          .string()
          .regex(/^[^:\s]+:\d+$/, "expected host:port, e.g. 127.0.0.1:9464")
          .optional(),
      ),
      VO_METRICS_PORT: z.preprocess(unsetIfEmpty, port.default(9464)),
      OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(
        unsetIfEmpty,
        z.url("expected a URL, e.g. http://127.0.0.1:4318").optional(),
      ),
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.preprocess(
        unsetIfEmpty,
        z.url("expected a URL, e.g. http://127.0.0.1:4318/v1/traces").optional(),
      ),
    }),
    source,
  );
  return {
    logLevel: e.VO_LOG_LEVEL ?? (source.VITEST ? "warn" : "info"),
    metricsAddress: e.VO_METRICS_ADDRESS,
    /** `npm start`'s first metrics port: the orchestrator worker's; each department worker takes the next. */
    metricsPort: e.VO_METRICS_PORT,
    tracesExported: Boolean(e.OTEL_EXPORTER_OTLP_ENDPOINT || e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT),
  };
}
