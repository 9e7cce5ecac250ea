// The department sandboxes as one process: stand-ins for the departments' real systems,
// each answering from its own store (its own schema in VO_SANDBOX_DATABASE_URL).
import { ensureDatabase } from "@visit-once/prisma/migrate";
import { sandboxSettings } from "../env";
import { startDepartmentSandboxes } from "../sandboxes";
import { ensureDepartmentStores } from "../sandboxes/store-writer";

const settings = sandboxSettings();
if (!settings.storeDatabaseUrl) {
  console.error("VO_SANDBOX_DATABASE_URL is required: the database that holds the department stores.");
  process.exit(1);
}
await ensureDatabase(settings.storeDatabaseUrl);
const report = await ensureDepartmentStores(settings.storeDatabaseUrl, settings.population);
if (report) {
  console.log(
    `department stores generated: ${report.citizens} citizens in ${report.families} families, ` +
      `${report.discrepancies} discrepancies, ${report.seconds.toFixed(1)} s, peak RSS ${report.peakRssMb} MB`,
  );
}
const sandboxes = await startDepartmentSandboxes({ storeDatabaseUrl: settings.storeDatabaseUrl });
for (const [code, s] of Object.entries(sandboxes)) console.log(`sandbox ${code} listening on ${s.url}`);
const stop = () => {
  void Promise.all(Object.values(sandboxes).map((s) => s.close())).then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
