// The one place that reads process.env. Validated lazily, at first use, so `next build`
// runs without a database or Temporal configured.
import {
  DEPARTMENT_CODES,
  defaultDepartmentUrl,
  departmentUrlEnvName,
  type DepartmentCode,
} from "@visit-once/workflows/contracts";
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** A whole number of seconds, e.g. "1500"; unset gives the default. */
const seconds = (fallback: number) =>
  optionalString.pipe(
    z
      .string()
      .regex(/^\d+$/, `must be a whole number of seconds, e.g. ${fallback}`)
      .transform(Number)
      .pipe(z.number().int().positive(`must be a whole number of seconds, e.g. ${fallback}`))
      .optional(),
  ).transform((v) => v ?? fallback);

const url = (example: string) => z.url({ message: `must be a URL, e.g. ${example}` });

const baseSchema = z.object({
  DATABASE_URL: z
    .string({ message: "is required, e.g. postgresql://postgres@127.0.0.1:5432/visit_once" })
    .min(1, "is required, e.g. postgresql://postgres@127.0.0.1:5432/visit_once"),
  NEXTAUTH_SECRET: z
    .string({ message: "is required: a long random string (e.g. `openssl rand -base64 32`)" })
    .min(1, "is required: a long random string (e.g. `openssl rand -base64 32`)"),
  NEXTAUTH_URL: optionalString.pipe(url("http://127.0.0.1:3000").optional()),
  TEMPORAL_ADDRESS: optionalString.pipe(z.string().default("127.0.0.1:7233")),
  TEMPORAL_NAMESPACE: optionalString.pipe(z.string().default("default")),
  TEMPORAL_TLS_CERT_PATH: optionalString,
  TEMPORAL_TLS_KEY_PATH: optionalString,
  TEMPORAL_API_KEY: optionalString,
  TEMPORAL_UI_URL: optionalString.pipe(url("http://127.0.0.1:8233").default("http://127.0.0.1:8233")),
  /** Seconds without input before an idle session is warned, then signed out. */
  VO_IDLE_WARNING_SECONDS: seconds(1500),
  VO_IDLE_SIGNOUT_SECONDS: seconds(1800),
  /** An OpenID Connect identity provider, optional; all three or none. */
  OIDC_ISSUER: optionalString.pipe(url("https://login.example.gov.cn/realms/citizens").optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_NAME: optionalString,
  /** Set by Next: `development` under `next dev` (whose React needs eval for its error overlay). */
  NODE_ENV: optionalString.pipe(z.enum(["development", "production", "test"]).default("production")),
});

export interface Env extends z.infer<typeof baseSchema> {
  /** Base URL of each department's system, keyed by department code. */
  departmentUrls: Record<DepartmentCode, string>;
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
  if (base.success && Boolean(base.data.TEMPORAL_TLS_CERT_PATH) !== Boolean(base.data.TEMPORAL_TLS_KEY_PATH)) {
    problems.push("TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together");
  }
  if (base.success && new Set([base.data.OIDC_ISSUER, base.data.OIDC_CLIENT_ID, base.data.OIDC_CLIENT_SECRET].map(Boolean)).size > 1) {
    problems.push("OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together");
  }
  if (base.success && base.data.VO_IDLE_SIGNOUT_SECONDS <= base.data.VO_IDLE_WARNING_SECONDS) {
    problems.push("VO_IDLE_SIGNOUT_SECONDS must be greater than VO_IDLE_WARNING_SECONDS");
  }
  if (problems.length > 0 || !base.success) {
    throw new Error(`Invalid environment for the web app:\n  - ${problems.join("\n  - ")}`);
  }
  return { ...base.data, departmentUrls };
}

let cached: Env | undefined;

/** The validated environment; parsed on first call. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
