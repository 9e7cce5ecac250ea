// How every process reaches Temporal (the web's client, the workers, the operator commands and
// the migrations job): one reading of the environment, through Temporal's own envconfig, so a
// private CA, mTLS, an API key and a TOML profile mean the same everywhere. Not workflow code:
// nothing in src/workflows or src/contracts imports this.
import { loadClientConnectConfig } from "@temporalio/envconfig";
import type { TLSConfig } from "@temporalio/common/lib/internal-non-workflow";

export const DEFAULT_TEMPORAL_ADDRESS = "127.0.0.1:7233";

/** What Connection.connect and NativeConnection.connect take, plus the namespace. */
export interface TemporalSettings {
  address: string;
  namespace: string;
  /** TLS (true: the system's CAs; an object: private CA, server name, client certificate), or none. */
  tls?: TLSConfig | boolean;
  apiKey?: string;
  metadata?: Record<string, string>;
}

/** Our earlier names for envconfig's client certificate variables; both spellings are read. */
const ALIASES: Record<string, string> = {
  TEMPORAL_TLS_CERT_PATH: "TEMPORAL_TLS_CLIENT_CERT_PATH",
  TEMPORAL_TLS_KEY_PATH: "TEMPORAL_TLS_CLIENT_KEY_PATH",
};

/**
 * Reads envconfig's variables: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY,
 * TEMPORAL_TLS, TEMPORAL_TLS_SERVER_CA_CERT_PATH|_DATA (a private CA),
 * TEMPORAL_TLS_SERVER_NAME, TEMPORAL_TLS_CLIENT_CERT_PATH|_DATA + TEMPORAL_TLS_CLIENT_KEY_PATH|_DATA
 * (mTLS), TEMPORAL_GRPC_META_*, and a profile from TEMPORAL_CONFIG_FILE (TEMPORAL_PROFILE), which
 * the variables override. A file is read only when TEMPORAL_CONFIG_FILE names it, so a person's
 * own ~/.config/temporalio never steers a server. Throws one error naming every problem.
 */
export function temporalSettings(source: Record<string, string | undefined>): TemporalSettings {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    if (name.startsWith("TEMPORAL_") && value?.trim()) env[name] = value.trim();
  }
  for (const [old, name] of Object.entries(ALIASES)) {
    if (env[old] && env[name] && env[old] !== env[name]) throw invalid([`${old} and ${name} differ: set one of them`]);
    if (env[old]) env[name] ??= env[old];
    delete env[old];
  }
  const problems: string[] = [];
  const hasCert = Boolean(env.TEMPORAL_TLS_CLIENT_CERT_PATH || env.TEMPORAL_TLS_CLIENT_CERT_DATA);
  const hasKey = Boolean(env.TEMPORAL_TLS_CLIENT_KEY_PATH || env.TEMPORAL_TLS_CLIENT_KEY_DATA);
  if (hasCert !== hasKey) {
    problems.push(
      "the client certificate and its key must be set together: TEMPORAL_TLS_CLIENT_CERT_PATH (or TEMPORAL_TLS_CERT_PATH) and TEMPORAL_TLS_CLIENT_KEY_PATH (or TEMPORAL_TLS_KEY_PATH)",
    );
  }
  if (env.TEMPORAL_ADDRESS && !/^[^:\s]+:\d+$/.test(env.TEMPORAL_ADDRESS))
    problems.push("TEMPORAL_ADDRESS: expected host:port, e.g. 127.0.0.1:7233");
  if (env.TEMPORAL_TLS && !["true", "false", "1", "0"].includes(env.TEMPORAL_TLS))
    problems.push("TEMPORAL_TLS: expected true or false");
  if (problems.length > 0) throw invalid(problems);
  let loaded;
  try {
    loaded = loadClientConnectConfig({ overrideEnvVars: env, disableFile: !env.TEMPORAL_CONFIG_FILE });
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    const what = error.code === "ENOENT" && error.path ? `cannot read ${error.path} (no such file)` : error.message;
    throw invalid([`Temporal connection settings: ${what}`]);
  }
  const o = loaded.connectionOptions;
  const address = o.address ?? DEFAULT_TEMPORAL_ADDRESS;
  // TEMPORAL_GRPC_META_* arrive as text; only text headers are passed on.
  const metadata = Object.entries(o.metadata ?? {}).filter((e): e is [string, string] => typeof e[1] === "string");
  if (!/^[^:\s]+:\d+$/.test(address)) throw invalid([`Temporal address "${address}": expected host:port`]);
  return {
    address,
    namespace: loaded.namespace || "default",
    ...(o.tls !== undefined && o.tls !== null ? { tls: o.tls } : {}),
    ...(typeof o.apiKey === "string" ? { apiKey: o.apiKey } : {}),
    ...(metadata.length > 0 ? { metadata: Object.fromEntries(metadata) } : {}),
  };
}

function invalid(problems: string[]): Error {
  return new Error(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
}
