import { z } from "zod";
import { DEFAULT_SMS_GATEWAY_KEY, DEFAULT_SMS_GATEWAY_URL } from "@visit-once/workers/env";
import { familiesForCitizens } from "./population-size";

/**
 * The one place the sandboxes' own settings are read (demo only: no deployment runs them). The
 * department keys and the fault admin key come from the workers' env, where the launcher's
 * production check also reads them.
 */
export function sandboxSettings(source = process.env) {
  const result = z
    .object({
      VO_SANDBOX_DATABASE_URL: z.string().min(1).optional(),
      VO_SANDBOX_CITIZENS: z.coerce
        .number()
        .int()
        .min(10, "VO_SANDBOX_CITIZENS must be at least 10")
        .max(5_000_000)
        .default(10_000),
      VO_SANDBOX_SEED: z.coerce.number().int().default(20261127),
      VO_SANDBOX_DISCREPANCY_RATE: z.coerce.number().min(0).max(1).default(0.03),
      // Where the sandboxes listen: loopback, unless a container must be reached by the workers beside it.
      VO_SANDBOX_HOST: z
        .string()
        .regex(/^[0-9a-zA-Z.:-]+$/, "VO_SANDBOX_HOST must be an address to listen on, e.g. 127.0.0.1 or 0.0.0.0")
        .default("127.0.0.1"),
      VO_SMS_GATEWAY_URL: z
        .url({ message: "VO_SMS_GATEWAY_URL must be a URL such as http://127.0.0.1:4109" })
        .default(DEFAULT_SMS_GATEWAY_URL),
      VO_SMS_GATEWAY_KEY: z.string().min(8).default(DEFAULT_SMS_GATEWAY_KEY),
    })
    .safeParse(source);
  if (!result.success) {
    throw new Error(
      `Invalid configuration:\n${result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`,
    );
  }
  const e = result.data;
  return {
    storeDatabaseUrl: e.VO_SANDBOX_DATABASE_URL,
    host: e.VO_SANDBOX_HOST,
    smsGatewayPort: Number(new URL(e.VO_SMS_GATEWAY_URL).port || 80),
    smsGatewayKey: e.VO_SMS_GATEWAY_KEY,
    population: {
      seed: e.VO_SANDBOX_SEED,
      families: familiesForCitizens(e.VO_SANDBOX_CITIZENS),
      discrepancyRate: e.VO_SANDBOX_DISCREPANCY_RATE,
    },
  };
}
