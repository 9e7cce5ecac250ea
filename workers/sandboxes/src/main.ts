// The department sandboxes as one process: stand-ins for the departments' real systems,
// each answering from its own store (its own schema in VO_SANDBOX_DATABASE_URL).
import { ensureDatabase } from "@visit-once/prisma/migrate";
import { sandboxSettings } from "./env";
import { startDepartmentSandboxes } from "./index";
import { startSmsGateway } from "./sms-gateway";
import { ensureDepartmentStores } from "./store-writer";

const settings = (() => {
  try {
    return sandboxSettings();
  } catch (e) {
    // A setting to fix, said plainly (no stack trace).
    console.error((e as Error).message);
    process.exit(1);
  }
})();
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
const sandboxes = await startDepartmentSandboxes({ storeDatabaseUrl: settings.storeDatabaseUrl, host: settings.host });
for (const [code, s] of Object.entries(sandboxes)) console.log(`sandbox ${code} listening on ${s.url}`);
// The SMS gateway beside them, on the port of the URL the workers send to.
const smsGateway = await startSmsGateway({
  port: settings.smsGatewayPort,
  host: settings.host,
  key: settings.smsGatewayKey,
});
console.log(`SMS gateway sandbox listening on ${smsGateway.url}`);
const stop = () => {
  void Promise.all([...Object.values(sandboxes), smsGateway].map((s) => s.close())).then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
