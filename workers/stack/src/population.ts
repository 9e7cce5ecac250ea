// `npm run population -- [citizens=10000] [seed=…] [rate=0.03]`: (re)generates the
// department stores, streaming, and reports time and memory. Uses VO_SANDBOX_DATABASE_URL,
// else DATABASE_URL's server (database <name>_departments).
import { departmentStoresUrl } from "@visit-once/prisma";
import { ensureDatabase } from "@visit-once/prisma/migrate";
import { sandboxSettings } from "@visit-once/sandboxes/env";
import { writeDepartmentStores } from "@visit-once/sandboxes/store-writer";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split("=") as [string, string]));
const settings = sandboxSettings({
  ...process.env,
  ...(args.citizens ? { VO_SANDBOX_CITIZENS: args.citizens } : {}),
  ...(args.seed ? { VO_SANDBOX_SEED: args.seed } : {}),
  ...(args.rate ? { VO_SANDBOX_DISCREPANCY_RATE: args.rate } : {}),
});
const url =
  settings.storeDatabaseUrl ?? (process.env.DATABASE_URL ? departmentStoresUrl(process.env.DATABASE_URL) : undefined);
if (!url) {
  console.error("Set VO_SANDBOX_DATABASE_URL or DATABASE_URL (the stores' PostgreSQL server).");
  process.exit(1);
}
await ensureDatabase(url);
const r = await writeDepartmentStores(url, settings.population);
console.log(
  `population citizens=${r.citizens} families=${r.families} discrepancies=${r.discrepancies} ` +
    `discrepancy_rate=${(r.discrepancies / Math.max(1, 2 * r.families)).toFixed(4)} seconds=${r.seconds.toFixed(1)} peak_rss_mb=${r.peakRssMb}`,
);
