// `npm run reconcile`: compares every open case's projection (what the pages show) with its
// workflow, and names each disagreement. Exit code 0 when they agree, 1 when not, 2 when the
// stack cannot be reached. Uses DATABASE_URL and TEMPORAL_* like the workers; with
// DATABASE_URL unset, the embedded database `npm start` runs (as its application role);
// with VO_TEMPORAL_CODEC_KEYS unset, the codec keys `npm start` generated into .data/.
import { existsSync, readFileSync } from "node:fs";
import { createPrisma } from "@visit-once/prisma";
import { temporalCodecKeys, temporalSettings } from "@visit-once/workers/env";
import { reconcileCases } from "@visit-once/workers/reconcile/reconcile-cases";
import { connectClient } from "@visit-once/workers/temporal-connection";
import { codecKeysFile, DATA_DIR } from "./paths";
import { localDatabaseUrl } from "./app-database";

const settings = temporalSettings();
const generatedKeys = existsSync(codecKeysFile(DATA_DIR)) ? readFileSync(codecKeysFile(DATA_DIR), "utf8") : undefined;
const codecKeys = temporalCodecKeys({ VO_TEMPORAL_CODEC_KEYS: process.env.VO_TEMPORAL_CODEC_KEYS || generatedKeys });
const databaseUrl = localDatabaseUrl();
const db = createPrisma(databaseUrl);
let code = 0;
try {
  const { client, close } = await connectClient(settings, codecKeys);
  const { checked, disagreements } = await reconcileCases(db, client);
  for (const d of disagreements)
    console.log(`${d.applicationId}  ${d.what.padEnd(40)} workflow: ${d.workflow.padEnd(20)} page: ${d.projection}`);
  console.log(`${checked} open case(s) checked, ${disagreements.length} disagreement(s).`);
  code = disagreements.length === 0 ? 0 : 1;
  await close();
} catch (err) {
  console.error(`Could not reconcile: ${(err as Error).message}`);
  code = 2;
} finally {
  await db.$disconnect();
}
process.exit(code);
