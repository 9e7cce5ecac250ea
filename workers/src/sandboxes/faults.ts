import { z } from "zod";

/** Injectable behaviour of a department sandbox: how slow, how flaky, when it is down. */
export const faultsSchema = z.object({
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  jitterMs: z.number().int().min(0).max(60_000).default(0),
  errorRate: z.number().min(0).max(1).default(0),
  /** ISO time until which the system answers 503 to everything but /health. */
  outageUntil: z.iso.datetime().nullable().default(null),
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
  const settings: Record<string, number> = {};
  for (const pair of entry ? entry.slice(code.length + 1).split(",") : []) {
    const [name, raw] = pair.split(":");
    const n = Number(raw);
    if (!name || raw === undefined || Number.isNaN(n)) {
      throw new Error(`VO_SANDBOX_FAULTS: cannot read "${pair}" for ${code}; expected name:number, e.g. latencyMs:300`);
    }
    settings[name] = n;
  }
  const parsed = faultsSchema.safeParse(settings);
  if (!parsed.success) throw new Error(`VO_SANDBOX_FAULTS for ${code}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return parsed.data;
}

export function delayFor(faults: Faults, random: () => number): number {
  return faults.latencyMs + Math.round(random() * faults.jitterMs);
}
