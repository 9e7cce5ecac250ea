// `npm start`: the whole system on embedded defaults. Ctrl-C stops everything.
import { DEMO_CITIZENS, DEMO_PASSWORD, DEMO_STAFF, DEMO_TOTP_SECRET } from "@visit-once/prisma";
import { DEPARTMENT_CODES, departmentUrlEnvName } from "@visit-once/workflows/contracts";
import {
  databaseRoles,
  departmentConnection,
  ledgerKey,
  observabilitySettings,
  portSchema,
  productionConfigProblems,
  runtimeMode,
  temporalCodecKeys,
  temporalSettings,
} from "@visit-once/workers/env";
import { productionDatabaseProblems } from "@visit-once/workers/production-database";
import { configuredDepartmentUrls } from "./department-urls";
import { type RunningStack, startStack } from "./stack";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.TURBO_TELEMETRY_DISABLED = "1";

let stack: RunningStack;
let production = false;
try {
  // Check the configuration before starting anything, so a typo fails in a second, not a minute.
  temporalSettings();
  const database = databaseRoles();
  ledgerKey();
  if (process.env.VO_TEMPORAL_CODEC_KEYS) temporalCodecKeys();
  production = runtimeMode() === "production";
  if (production) {
    // Every development default is refused at once, each naming what to set.
    // (The database's own checks run once it is migrated and the application's role granted.)
    const problems = productionConfigProblems();
    if (problems.length > 0) throw new Error(`VO_ENV=production refuses to start:\n  - ${problems.join("\n  - ")}`);
  }
  for (const code of DEPARTMENT_CODES) departmentConnection(code);
  const port = portSchema.safeParse(process.env.PORT ?? 3000);
  if (!port.success) throw new Error(`PORT must be a port number (1-65535), got "${process.env.PORT}"`);
  stack = await startStack({
    databaseUrl: database.url,
    migrationDatabaseUrl: database.migrationUrl,
    checkDatabase: production ? productionDatabaseProblems : undefined,
    temporalAddress: process.env.TEMPORAL_ADDRESS || undefined,
    persistTemporal: true,
    // A child that dies is started again: one dead worker never takes the stack down.
    supervise: true,
    webPort: port.data,
    metricsPort: observabilitySettings().metricsPort,
    // The demo accounts (a published password, an admin among them) only ever in development.
    seedDemo: !production,
  });
} catch (e) {
  console.error(`\nVisit Once could not start: ${(e as Error).message}`);
  process.exit(1);
}

const line = "─".repeat(60);
console.log(`\n${line}\nVisit Once is running\n${line}`);
console.log(`  Web                     ${stack.webUrl}`);
console.log(`  Health                  ${stack.webUrl}/api/health`);
if (stack.temporalUiUrl) console.log(`  Temporal UI             ${stack.temporalUiUrl}`);
console.log(`  Temporal gRPC           ${stack.temporalAddress}`);
const hidden = (url: string) => url.replace(/:[^:@/]+@/, ":***@");
const roleOf = (url: string) => decodeURIComponent(new URL(url).username);
console.log(`  Database                ${hidden(stack.databaseUrl)}`);
console.log(
  `  ${"".padEnd(24)}the web and the orchestrator worker as "${roleOf(stack.databaseUrl)}" (ledger: read and append only); migrations as "${roleOf(stack.ownerDatabaseUrl)}"`,
);
const departmentUrls = configuredDepartmentUrls();
for (const code of DEPARTMENT_CODES) {
  console.log(`  ${`Dept ${code}`.padEnd(24)}${departmentUrls[departmentUrlEnvName(code)]}`);
}
if (!production) {
  console.log(`\nDemo accounts (password: ${DEMO_PASSWORD})`);
  for (const c of DEMO_CITIZENS) console.log(`  citizen     ${c.email.padEnd(48)} ${c.situation}`);
  for (const s of DEMO_STAFF) console.log(`  ${s.role.toLowerCase().padEnd(11)} ${s.email}`);
  console.log(
    `  Staff also give a sign-in code: development TOTP secret ${DEMO_TOTP_SECRET}, or run \`npx tsx prisma/src/demo-totp.ts\``,
  );
}
console.log(`\nPress Ctrl-C to stop.\n`);

let stopping = false;
const shutdown = async (reason: string, code: number) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${reason} Stopping …`);
  // A stop that hangs (e.g. on a database server that already died) must not hide the exit status.
  const hung = setTimeout(() => {
    console.error("Some processes did not stop within 30 s; killing them.");
    stack.group.killAll();
    process.exit(code || 1);
  }, 30_000);
  await stack.stop();
  clearTimeout(hung);
  console.log("Stopped.");
  process.exit(code);
};
process.on("SIGINT", () => void shutdown("Interrupted.", 0));
process.on("SIGTERM", () => void shutdown("Terminated.", 0));
process.on("SIGHUP", () => void shutdown("Hung up.", 0));
const failure = await stack.group.failure();
await shutdown(
  failure.gaveUp
    ? `${failure.name} kept exiting (last code ${failure.code}); gave up restarting it.`
    : `${failure.name} exited (code ${failure.code}).`,
  1,
);
