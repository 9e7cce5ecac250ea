import { z } from "zod";

/** Injectable behaviour of a department sandbox: how slow, how flaky, when it is down. */
export const faultsSchema = z.object({
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  jitterMs: z.number().int().min(0).max(60_000).default(0),
  errorRate: z.number().min(0).max(1).default(0),
  /** ISO time until which the system answers 503 to everything but /health. */
  outageUntil: z.iso.datetime().nullable().default(null),
  /**
   * JSON answers carry text no database can store: a lone surrogate (`\ud800`) after every
   * value in Chinese script (names, addresses), as a system with a broken encoder would send.
   */
  corruptText: z.boolean().default(false),
});
export type Faults = z.infer<typeof faultsSchema>;

/**
 * Reads VO_SANDBOX_FAULTS, e.g. `health=latencyMs:300,errorRate:0.3;public-security=latencyMs:50`.
 */
export function faultsFromEnv(code: string, value: string | undefined): Faults {
  const entry = (value ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${code}=`));
  const settings: Record<string, number | boolean> = {};
  for (const pair of entry ? entry.slice(code.length + 1).split(",") : []) {
    const [name, raw] = pair.split(":");
    const n = Number(raw);
    if (!name || raw === undefined || Number.isNaN(n)) {
      throw new Error(`VO_SANDBOX_FAULTS: cannot read "${pair}" for ${code}; expected name:number, e.g. latencyMs:300`);
    }
    settings[name] = name === "corruptText" ? n !== 0 : n;
  }
  const parsed = faultsSchema.safeParse(settings);
  if (!parsed.success)
    throw new Error(
      `VO_SANDBOX_FAULTS for ${code}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}

const CHINESE = /[\u4e00-\u9fff]/;

/** A JSON body with a lone surrogate after every string in Chinese script (see `corruptText`). */
export function corruptJsonText(body: string): string {
  const corrupt = (v: unknown): unknown =>
    typeof v === "string"
      ? CHINESE.test(v)
        ? `${v}\ud800`
        : v
      : Array.isArray(v)
        ? v.map(corrupt)
        : v && typeof v === "object"
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, corrupt(x)]))
          : v;
  return JSON.stringify(corrupt(JSON.parse(body)));
}

export function delayFor(faults: Faults, random: () => number): number {
  return faults.latencyMs + Math.round(random() * faults.jitterMs);
}
