// The migrations job, one role of a deployment: `npx tsx prisma/src/migrate-job.ts`.
// Idempotent; exit 0 when the database, the application's role and Temporal's search attributes
// are ready, 1 (with the reason, no stack trace) when not.
import { migrateJobSettings } from "./migrate-job/env";
import { runMigrateJob } from "./migrate-job/run-migrate-job";

try {
  await runMigrateJob(migrateJobSettings());
  process.exit(0);
} catch (e) {
  console.error(`migrations job failed: ${(e as Error).message}`);
  process.exit(1);
}
