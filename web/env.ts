// The one place that reads process.env. Validated lazily, at first use, so `next build`
// runs without a database or Temporal configured.
import {
  DEPARTMENT_CODES,
  defaultDepartmentUrl,
  departmentUrlEnvName,
  type DepartmentCode,
} from "@visit-once/workflows/contracts";
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
import { type TemporalSettings, temporalSettings } from "@visit-once/workflows/temporal-settings";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** A whole number of seconds, e.g. "1500"; unset gives the default. */
const seconds = (fallback: number) =>
  optionalString
    .pipe(
      z
        .string()
        .regex(/^\d+$/, `must be a whole number of seconds, e.g. ${fallback}`)
        .transform(Number)
        .pipe(z.number().int().positive(`must be a whole number of seconds, e.g. ${fallback}`))
        .optional(),
    )
    .transform((v) => v ?? fallback);

/** A rate "<requests>/<seconds>", e.g. "30/60"; unset gives the default. */
export interface Rate {
  points: number;
  seconds: number;
}
const rate = (fallback: string) =>
  optionalString
    .pipe(
      z
        .string()
        .regex(/^\d+\/\d+$/, `must be <requests>/<seconds>, e.g. ${fallback}`)
        .optional(),
    )
    .transform((v): Rate => {
      const [points, secs] = (v ?? fallback).split("/").map(Number) as [number, number];
      return { points, seconds: secs };
    })
    .refine((r) => r.points > 0 && r.seconds > 0, `must be <requests>/<seconds> with both above 0, e.g. ${fallback}`);

/** A whole number ≥ 0, e.g. "2". */
const count = (fallback: number) =>
  optionalString
    .pipe(z.string().regex(/^\d+$/, `must be a whole number, e.g. ${fallback}`).optional())
    .transform((v) => (v === undefined ? fallback : Number(v)));

const url = (example: string) => z.url({ message: `must be a URL, e.g. ${example}` });

const baseSchema = z.object({
  DATABASE_URL: z
    .string({ message: "is required, e.g. postgresql://postgres@127.0.0.1:5432/visit_once" })
    .min(1, "is required, e.g. postgresql://postgres@127.0.0.1:5432/visit_once"),
  NEXTAUTH_SECRET: z
    .string({ message: "is required: a long random string (e.g. `openssl rand -base64 32`)" })
    .min(1, "is required: a long random string (e.g. `openssl rand -base64 32`)"),
  NEXTAUTH_URL: optionalString.pipe(url("http://127.0.0.1:3000").optional()),
  /** The address the public reaches the web at, printed on certificates (their QR code and check address); unset in development, NEXTAUTH_URL or the request's own. */
  VO_PUBLIC_BASE_URL: optionalString.pipe(url("https://yicibao.example.gov.cn").optional()),
  TEMPORAL_UI_URL: optionalString.pipe(url("http://127.0.0.1:8233").default("http://127.0.0.1:8233")),
  /** The Temporal payload codec's keys, `id:base64key,…`, newest last (see parseCodecKeys). */
  VO_TEMPORAL_CODEC_KEYS: z
    .string({ message: "is required: the Temporal payload keys as id:base64key[,…] (`npm start` generates one)" })
    .trim()
    .min(1, "is required: the Temporal payload keys as id:base64key[,…] (`npm start` generates one)"),
  /** Keys sealing identity numbers and bank accounts at rest, `id:base64key,…`, newest last; unset only under the test runner. */
  VO_DATA_KEYS: optionalString,
  /** The blind index's HMAC key (32 bytes, base64): exact look-ups of sealed identity numbers. */
  VO_BLIND_INDEX_KEY: optionalString,
  /** Seconds without input before an idle session is warned, then signed out. */
  VO_IDLE_WARNING_SECONDS: seconds(1500),
  VO_IDLE_SIGNOUT_SECONDS: seconds(1800),
  /** Seconds after sign-in when a session ends however active it is. */
  VO_SESSION_MAX_SECONDS: seconds(43200),
  /** An OpenID Connect identity provider, optional; all three or none. */
  OIDC_ISSUER: optionalString.pipe(url("https://login.example.gov.cn/realms/citizens").optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_NAME: optionalString,
  /** The access ledger's Ed25519 private key (PEM or base64 PKCS#8): signs its checkpoints. */
  VO_LEDGER_SIGNING_KEY: optionalString,
  /** Set by the launcher when it made the value itself (development defaults), never by people. */
  NEXTAUTH_GENERATED_SECRET: optionalString,
  VO_LEDGER_GENERATED_KEY: optionalString,
  VO_TEMPORAL_CODEC_KEYS_GENERATED: optionalString,
  VO_DATA_KEYS_GENERATED: optionalString,
  VO_EMBEDDED_POSTGRES: optionalString,
  /** `production` refuses development defaults at start; anything else is development. */
  VO_ENV: optionalString.pipe(
    z.enum(["development", "production"], { message: "must be development or production" }).default("development"),
  ),
  /** Reverse proxies in front of the web whose X-Forwarded-For entries are trusted (0: `next start` faces clients). */
  VO_TRUSTED_PROXIES: count(0),
  /** Sign-in: failures per account (and per address) before each further failure adds a growing delay. */
  VO_SIGNIN_FREE_FAILURES: count(5),
  VO_SIGNIN_ADDRESS_FREE_FAILURES: count(20),
  /** Sign-in: the longest lock (the growing delay's cap) and how long failures are remembered. */
  VO_SIGNIN_MAX_LOCK_SECONDS: seconds(900),
  VO_SIGNIN_WINDOW_SECONDS: seconds(900),
  /** Verification codes checked per client address. */
  VO_LIMIT_VERIFY: rate("30/60"),
  /** Applications submitted per citizen. */
  VO_LIMIT_SUBMISSIONS: rate("10/3600"),
  /** Case actions (cancel, reply, dispute, decide, resolve) per user. */
  VO_LIMIT_CASE_ACTIONS: rate("60/60"),
  /** JSON log lines (pino) at this level and above; quieter under the test runner. */
  VO_LOG_LEVEL: optionalString.pipe(
    z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        message: "must be fatal, error, warn, info, debug, trace or silent",
      })
      .default(process.env.VITEST ? "warn" : "info"),
  ),
  /** The SMS gateway sandbox the development mailbox page reads (development only; the worker sends through it). */
  VO_SMS_GATEWAY_URL: optionalString.pipe(url("http://127.0.0.1:4109").default("http://127.0.0.1:4109")),
  VO_SMS_GATEWAY_KEY: optionalString.pipe(
    z.string().min(8, "must be at least 8 characters").default("sandbox-sms-key"),
  ),
  /** The bearer token a Prometheus scrape of /metrics must send; unset, /metrics answers 404 (off). */
  VO_METRICS_TOKEN: optionalString.pipe(
    z.string().min(16, "must be at least 16 characters, e.g. `openssl rand -hex 16`").optional(),
  ),
  /** The standard OpenTelemetry exporter endpoints: set, the web exports its traces over OTLP/HTTP. */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalString.pipe(url("http://127.0.0.1:4318").optional()),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalString.pipe(url("http://127.0.0.1:4318/v1/traces").optional()),
  /** Set by Next: `development` under `next dev` (whose React needs eval for its error overlay). */
  NODE_ENV: optionalString.pipe(z.enum(["development", "production", "test"]).default("production")),
});

export interface Env extends z.infer<typeof baseSchema> {
  /** VO_TEMPORAL_CODEC_KEYS parsed: the last seals, every one opens. */
  temporalCodecKeys: CodecKey[];
  /** Base URL of each department's system, keyed by department code. */
  departmentUrls: Record<DepartmentCode, string>;
  /** The parsed ledger key; unset only in development (tests), where checkpoints go unsigned. */
  ledgerKey: LedgerKey | undefined;
  /** Seals, opens and indexes identity numbers and bank accounts (VO_DATA_KEYS, VO_BLIND_INDEX_KEY). */
  fieldCipher: FieldCipher;
  /** How to reach Temporal: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and envconfig's TLS and API key variables. */
  temporal: TemporalSettings;
}

/** Parses an environment; throws one error naming every variable that is wrong. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const problems: string[] = [];
  const base = baseSchema.safeParse(source);
  if (!base.success) {
    for (const issue of base.error.issues) problems.push(`${issue.path.join(".") || "(env)"} ${issue.message}`);
  }
  const departmentUrls = {} as Record<DepartmentCode, string>;
  for (const code of DEPARTMENT_CODES) {
    const name = departmentUrlEnvName(code);
    const raw = source[name]?.trim() || defaultDepartmentUrl(code);
    const parsed = url(defaultDepartmentUrl(code)).safeParse(raw);
    if (parsed.success) departmentUrls[code] = parsed.data.replace(/\/+$/, "");
    else problems.push(`${name} ${parsed.error.issues[0]?.message ?? "is not valid"}`);
  }
  let temporalCodecKeys: CodecKey[] = [];
  if (base.success) {
    try {
      temporalCodecKeys = parseCodecKeys(base.data.VO_TEMPORAL_CODEC_KEYS);
    } catch (e) {
      problems.push(`VO_TEMPORAL_CODEC_KEYS ${(e as Error).message}`);
    }
  }
  // Read the one way the workers read it (envconfig: private CA, mTLS, API key, profile file).
  let temporal: TemporalSettings | undefined;
  try {
    temporal = temporalSettings(source);
  } catch (e) {
    problems.push(
      ...(e as Error).message
        .split("\n")
        .slice(1)
        .map((line) => line.trim()),
    );
  }
  if (
    base.success &&
    new Set([base.data.OIDC_ISSUER, base.data.OIDC_CLIENT_ID, base.data.OIDC_CLIENT_SECRET].map(Boolean)).size > 1
  ) {
    problems.push("OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together");
  }
  if (base.success && base.data.VO_IDLE_SIGNOUT_SECONDS <= base.data.VO_IDLE_WARNING_SECONDS) {
    problems.push("VO_IDLE_SIGNOUT_SECONDS must be greater than VO_IDLE_WARNING_SECONDS");
  }
  if (base.success && base.data.VO_SESSION_MAX_SECONDS <= base.data.VO_IDLE_SIGNOUT_SECONDS) {
    problems.push("VO_SESSION_MAX_SECONDS must be greater than VO_IDLE_SIGNOUT_SECONDS");
  }
  let ledgerKey: LedgerKey | undefined;
  if (base.success && base.data.VO_LEDGER_SIGNING_KEY) {
    try {
      ledgerKey = parseLedgerKey(base.data.VO_LEDGER_SIGNING_KEY);
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  let fieldCipher: FieldCipher | undefined;
  if (base.success) {
    const cipher = fieldCipherOf(base.data.VO_DATA_KEYS, base.data.VO_BLIND_INDEX_KEY);
    if (typeof cipher === "string") problems.push(cipher);
    else fieldCipher = cipher;
  }
  if (base.success && base.data.VO_ENV === "production") problems.push(...productionProblems(base.data));
  if (problems.length > 0 || !base.success || !fieldCipher || !temporal) {
    throw new Error(`Invalid environment for the web app:\n  - ${problems.join("\n  - ")}`);
  }
  return { ...base.data, departmentUrls, ledgerKey, temporalCodecKeys, fieldCipher, temporal };
}

/**
 * The field cipher from VO_DATA_KEYS and VO_BLIND_INDEX_KEY, or what is wrong with them. Only
 * under the test runner may both be unset (the tests' public keys); `npm start` generates them.
 */
function fieldCipherOf(dataKeys: string | undefined, indexKey: string | undefined): FieldCipher | string {
  const underTests = Boolean(process.env.VITEST);
  const keys = dataKeys ?? (underTests ? TEST_DATA_KEYS : undefined);
  const index = indexKey ?? (underTests ? TEST_BLIND_INDEX_KEY : undefined);
  if (!keys)
    return "VO_DATA_KEYS is required: the keys that seal identity numbers and bank accounts, id:base64key[,…] (`npm start` generates one)";
  if (!index)
    return "VO_BLIND_INDEX_KEY is required: 32 bytes in base64, the key of the identity numbers' blind index (`npm start` generates one)";
  try {
    const parsed = parseDataKeys(keys);
    try {
      return createFieldCipher(parsed, parseBlindIndexKey(index));
    } catch (e) {
      return `VO_BLIND_INDEX_KEY ${(e as Error).message}`;
    }
  } catch (e) {
    return `VO_DATA_KEYS ${(e as Error).message}`;
  }
}

/** Whether a URL names this machine (localhost, 127.x, ::1), which nobody else can reach. */
export function isLoopback(address: string): boolean {
  const host = new URL(address).hostname.replace(/^\[|\]$/g, "");
  return (
    host === "localhost" || host.endsWith(".localhost") || /^127\./.test(host) || host === "::1" || host === "0.0.0.0"
  );
}

/** What production refuses: development defaults that would be a way in. */
function productionProblems(e: z.infer<typeof baseSchema>): string[] {
  const problems: string[] = [];
  if (e.NEXTAUTH_SECRET.length < 32 || e.NEXTAUTH_GENERATED_SECRET === "1") {
    problems.push(
      "NEXTAUTH_SECRET must be set to your own random value of at least 32 characters in production (e.g. `openssl rand -base64 32`), not a generated one",
    );
  }
  if (!e.VO_LEDGER_SIGNING_KEY || e.VO_LEDGER_GENERATED_KEY === "1") {
    problems.push(
      "VO_LEDGER_SIGNING_KEY must be set to your own Ed25519 private key in production (e.g. `openssl genpkey -algorithm ed25519`), not a generated one",
    );
  }
  if (e.VO_TEMPORAL_CODEC_KEYS_GENERATED === "1" || e.VO_TEMPORAL_CODEC_KEYS.includes(TEST_CODEC_KEYS.split(":")[1]!)) {
    problems.push(
      "VO_TEMPORAL_CODEC_KEYS must be set to your own keys in production (id:base64key, e.g. `k1:$(openssl rand -base64 32)`), not generated ones or the tests' key",
    );
  }
  if (!e.VO_DATA_KEYS || e.VO_DATA_KEYS_GENERATED === "1" || e.VO_DATA_KEYS.includes(TEST_DATA_KEYS.split(":")[1]!)) {
    problems.push(
      "VO_DATA_KEYS must be set to your own keys in production (id:base64key, e.g. `k1:$(openssl rand -base64 32)`), not generated ones or the tests' key",
    );
  }
  if (!e.VO_BLIND_INDEX_KEY || e.VO_DATA_KEYS_GENERATED === "1" || e.VO_BLIND_INDEX_KEY === TEST_BLIND_INDEX_KEY) {
    problems.push(
      "VO_BLIND_INDEX_KEY must be set to your own key in production (`openssl rand -base64 32`), not a generated one or the tests' key",
    );
  }
  if (!e.VO_PUBLIC_BASE_URL || isLoopback(e.VO_PUBLIC_BASE_URL)) {
    problems.push(
      "VO_PUBLIC_BASE_URL must be set in production to the address the public reaches the web at (e.g. https://yicibao.example.gov.cn), not a loopback one: certificates print it for checking",
    );
  }
  if (e.VO_EMBEDDED_POSTGRES === "1")
    problems.push("DATABASE_URL must name your PostgreSQL in production (the embedded one is for development)");
  return problems;
}

let cachedCipher: FieldCipher | undefined;

/**
 * The field cipher alone (VO_DATA_KEYS, VO_BLIND_INDEX_KEY), for code that needs nothing else
 * of the environment (the pages' loaders mask what they read); `env()` checks the same values.
 */
export function fieldCipher(): FieldCipher {
  if (cachedCipher) return cachedCipher;
  const trimmed = (v: string | undefined) => v?.trim() || undefined;
  const cipher = fieldCipherOf(trimmed(process.env.VO_DATA_KEYS), trimmed(process.env.VO_BLIND_INDEX_KEY));
  if (typeof cipher === "string") throw new Error(`Invalid environment for the web app:\n  - ${cipher}`);
  cachedCipher = cipher;
  return cipher;
}

let cached: Env | undefined;

/** The validated environment; parsed on first call. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * VO_LOG_LEVEL alone: the logger must work, and say what went wrong, even where the rest of the
 * environment is invalid or absent (a bad value here is refused by `env()` at start; `info` meanwhile).
 */
export function logLevel(source: Record<string, string | undefined> = process.env): string {
  const parsed = baseSchema.shape.VO_LOG_LEVEL.safeParse(source.VO_LOG_LEVEL);
  return parsed.success ? parsed.data : "info";
}
