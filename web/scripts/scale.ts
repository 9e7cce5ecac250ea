// `npm run bench:scale -- [cases=100000] [database=<url>]`: stores `cases` realistic cases
// directly in PostgreSQL (bulk inserts: applications, their steps, records, events, documents,
// exceptions, spread over citizens and the offices), then times the server functions that build
// the pages against that database — the citizen's case page and list, the offices' task queues,
// the caseworkers' exception queue, and the case page's poll when nothing changed — and prints
// their p50/p95 server time.
// The database must be migrated (`npm run db:migrate`, or a test database); the rows it adds are
// marked (their citizens' emails end in @scale.visit-once.local) and removed with `clean=1`.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createPrisma } from "@visit-once/prisma";
import { generateBlindIndexKey, generateDataKey } from "@visit-once/prisma/at-rest";
import { caseSteps, type RecordType, SERVICES, type ServiceCode, STEP_OFFICES } from "@visit-once/workflows/contracts";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split("=") as [string, string]));
const CASES = Number(args.cases ?? 100_000);
if (!Number.isInteger(CASES) || CASES < 1) throw new Error(`cases=${args.cases}: a whole number above 0 is expected`);
// A command-line tool, not a served process: it reads its database like the other scripts.
// eslint-disable-next-line no-restricted-properties
const url = args.database ?? process.env.DATABASE_URL;
if (!url) throw new Error("Say which database: database=<url> or DATABASE_URL");
const SAMPLES = Number(args.samples ?? 200);
const DOMAIN = "@scale.visit-once.local";
/** Cases per citizen, as in a city where a person applies for a few services over the years. */
const CASES_PER_CITIZEN = 5;

// The pages' loaders open sealed values with the at-rest keys; these rows hold none sealed, so any will do.
/* eslint-disable no-restricted-properties -- the loaders' configuration, set before they load */
process.env.VO_DATA_KEYS ??= generateDataKey("scale");
process.env.VO_BLIND_INDEX_KEY ??= generateBlindIndexKey();
process.env.DATABASE_URL = url;
/* eslint-enable no-restricted-properties */
const { getApplication } = await import("@/server/applications/get-application");
const { applicationVersion } = await import("@/server/applications/application-version");
const { listApplications } = await import("@/server/applications/list-applications");
const { listTasks } = await import("@/server/staff/list-tasks");
const { listExceptions } = await import("@/server/staff/list-exceptions");

const pool = new pg.Pool({ connectionString: url, max: 4 });
const db = createPrisma(url);
const DAY = 86_400_000;

if (args.clean === "1") {
  const { rowCount } = await pool.query(
    `DELETE FROM "Application" WHERE "citizenId" IN (SELECT id FROM "User" WHERE email LIKE $1)`,
    [`%${DOMAIN}`],
  );
  await pool.query(`DELETE FROM "User" WHERE email LIKE $1`, [`%${DOMAIN}`]);
  console.log(`removed ${rowCount} cases and their citizens`);
  await pool.end();
  await db.$disconnect();
  process.exit(0);
}

type Status = "COMPLETED" | "IN_DEPARTMENTS" | "AWAITING_CASEWORKER" | "REJECTED" | "CANCELLED";
/** Most cases are done; about one in eight is with an office, a few with a caseworker. */
function statusOf(i: number): Status {
  const r = (i * 7919) % 100;
  return r < 80
    ? "COMPLETED"
    : r < 92
      ? "IN_DEPARTMENTS"
      : r < 95
        ? "AWAITING_CASEWORKER"
        : r < 98
          ? "REJECTED"
          : "CANCELLED";
}

async function seed() {
  const started = performance.now();
  const citizens = Math.ceil(CASES / CASES_PER_CITIZEN);
  const run = Date.now().toString(36);
  const { rows: users } = await pool.query<{ id: string }>(
    `INSERT INTO "User" (id, email, name, "passwordHash", role)
     SELECT gen_random_uuid(), 'c' || g || '-' || $2 || $3, 'Scale citizen ' || g, '!', 'CITIZEN' FROM generate_series(1, $1) g RETURNING id`,
    [citizens, run, DOMAIN],
  );
  const services = Object.keys(SERVICES) as ServiceCode[];
  const BATCH = 5_000;
  for (let from = 0; from < CASES; from += BATCH) {
    const apps: unknown[][] = [[], [], [], [], [], [], []];
    const steps: unknown[][] = [[], [], [], [], [], [], [], [], []];
    const records: unknown[][] = [[], [], [], [], [], []];
    const events: unknown[][] = [[], [], [], [], [], []];
    const documents: unknown[][] = [[], [], [], [], [], [], []];
    const exceptions: unknown[][] = [[], [], [], [], [], [], [], []];
    for (let i = from; i < Math.min(CASES, from + BATCH); i++) {
      const id = randomUUID();
      const service = SERVICES[services[i % services.length]!];
      const status = statusOf(i);
      // Submitted over the last two years, newest last; open ones recently.
      const submitted =
        Date.now() -
        (status === "COMPLETED" || status === "REJECTED" || status === "CANCELLED"
          ? ((CASES - i) / CASES) * 730 * DAY + 20 * DAY
          : ((i % 30) + 1) * DAY);
      const recordsReady = submitted + 2_000;
      const completed = status === "IN_DEPARTMENTS" || status === "AWAITING_CASEWORKER" ? null : submitted + 3 * DAY;
      const consent = service.evidence.map((e) => e.recordType) as RecordType[];
      apps[0]!.push(id);
      apps[1]!.push(service.code);
      apps[2]!.push(users[Math.floor(i / CASES_PER_CITIZEN) % users.length]!.id);
      apps[3]!.push(status);
      apps[4]!.push(new Date(submitted).toISOString());
      apps[5]!.push(completed ? new Date(completed).toISOString() : null);
      apps[6]!.push(
        JSON.stringify({
          serviceVersion: service.version,
          consentedAt: new Date(submitted).toISOString(),
          records: service.evidence.map((e) => ({
            recordType: e.recordType,
            department: e.department,
            purpose: e.purpose.en,
          })),
        }),
      );
      const departmentSteps = caseSteps(service, consent);
      let firstOpen = true;
      for (const [position, step] of departmentSteps.entries()) {
        let stepStatus = "DONE";
        if (step.kind === "DEPARTMENT") {
          if (status === "IN_DEPARTMENTS" || status === "AWAITING_CASEWORKER")
            stepStatus = firstOpen ? "AWAITING_DECISION" : "PENDING";
          if (status === "CANCELLED") stepStatus = "CANCELLED";
          if (status === "REJECTED") stepStatus = firstOpen ? "REJECTED" : "CANCELLED";
          if (stepStatus !== "DONE") firstOpen = false;
        }
        const open = stepStatus === "AWAITING_DECISION";
        steps[0]!.push(id);
        steps[1]!.push(step.key);
        steps[2]!.push(position);
        steps[3]!.push(step.kind);
        steps[4]!.push(step.departmentCode);
        steps[5]!.push(stepStatus);
        steps[6]!.push(
          stepStatus === "PENDING" ||
            (stepStatus === "CANCELLED" && step.kind === "DEPARTMENT" && status === "CANCELLED")
            ? null
            : new Date(recordsReady).toISOString(),
        );
        steps[7]!.push(
          stepStatus === "DONE" || stepStatus === "REJECTED" ? new Date(completed ?? recordsReady).toISOString() : null,
        );
        // Due five working days after it reached the office; some open ones already overdue.
        steps[8]!.push(
          step.kind === "DEPARTMENT"
            ? new Date(recordsReady + (open && i % 10 === 0 ? -2 : 5) * DAY).toISOString()
            : null,
        );
      }
      for (const e of service.evidence) {
        records[0]!.push(id);
        records[1]!.push(e.recordType);
        records[2]!.push(e.department);
        records[3]!.push(`scale-${i}-${e.recordType}`);
        records[4]!.push(new Date(recordsReady).toISOString());
        records[5]!.push(JSON.stringify({ recordType: e.recordType, source: "scale", verified: true }));
      }
      const timeline: [string, string, string][] = [
        ["submitted", "Application submitted.", "已提交申请。"],
        ["records-ready", "Your records are ready.", "材料已齐全。"],
        ...(completed ? ([["completed", "Case closed.", "已办结。"]] as [string, string, string][]) : []),
      ];
      for (const [k, [kind, en, zh]] of timeline.entries()) {
        events[0]!.push(randomUUID());
        events[1]!.push(id);
        events[2]!.push(new Date(submitted + k * 1000).toISOString());
        events[3]!.push(kind);
        events[4]!.push(en);
        events[5]!.push(zh);
      }
      if (status === "COMPLETED") {
        for (const d of service.outcomes) {
          documents[0]!.push(id);
          documents[1]!.push(d.key);
          documents[2]!.push(d.title.en);
          documents[3]!.push(d.title.zh);
          documents[4]!.push(d.issuedBy);
          documents[5]!.push(`S${i.toString(36).toUpperCase()}-${d.key}-${run}`.slice(0, 60));
          documents[6]!.push(new Date(completed!).toISOString());
        }
      }
      if (status === "AWAITING_CASEWORKER") {
        const e = service.evidence[i % service.evidence.length]!;
        exceptions[0]!.push(randomUUID());
        exceptions[1]!.push(id);
        exceptions[2]!.push("MISSING_RECORD");
        exceptions[3]!.push("OPEN");
        exceptions[4]!.push(e.department);
        exceptions[5]!.push(e.recordType);
        exceptions[6]!.push(`No ${e.recordType} record was found.`);
        exceptions[7]!.push(new Date(recordsReady + 3 * DAY).toISOString());
      }
    }
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO "Application" (id, "serviceCode", "citizenId", status, "submittedAt", "recordsReadyAt", "completedAt", consent, "updatedAt")
         SELECT a.id, a.s, a.c, a.st::"ApplicationStatus", a.sub, a.sub + interval '2 seconds', a.comp, a.consent::jsonb, COALESCE(a.comp, a.sub)
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::timestamp[], $6::timestamp[], $7::text[]) AS a(id, s, c, st, sub, comp, consent)`,
        apps,
      );
      await client.query(
        `INSERT INTO "ApplicationStep" ("applicationId", key, position, kind, "departmentCode", status, "startedAt", "completedAt", "dueAt")
         SELECT s.a, s.k, s.p, s.kind::"StepKind", s.d, s.st::"StepStatus", s.sa, s.ca, s.due
         FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::timestamp[], $8::timestamp[], $9::timestamp[]) AS s(a, k, p, kind, d, st, sa, ca, due)`,
        steps,
      );
      await client.query(
        `INSERT INTO "EvidenceRecord" ("applicationId", "recordType", "departmentCode", "sourceRecordId", "retrievedAt", "rawSha256", data)
         SELECT r.a, r.t, r.d, r.s, r.at, md5(r.s), r.data::jsonb FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamp[], $6::text[]) AS r(a, t, d, s, at, data)`,
        records,
      );
      await client.query(
        `INSERT INTO "CaseEvent" (id, "applicationId", at, kind, "messageEn", "messageZh")
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamp[], $4::text[], $5::text[], $6::text[])`,
        events,
      );
      await client.query(
        `INSERT INTO "IssuedDocument" ("applicationId", key, "titleEn", "titleZh", "issuedBy", "verificationCode", "issuedAt")
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamp[])`,
        documents,
      );
      await client.query(
        `INSERT INTO "CaseException" (id, "applicationId", kind, status, "departmentCode", "recordType", summary, blocking, "dueAt", "updatedAt")
         SELECT e.id, e.a, e.k::"ExceptionKind", e.s::"ExceptionStatus", e.d, e.t, e.sum, true, e.due, now()
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamp[]) AS e(id, a, k, s, d, t, sum, due)`,
        exceptions,
      );
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK");
      throw e;
    } finally {
      client.release();
    }
  }
  await pool.query(
    `ANALYZE "Application"; ANALYZE "ApplicationStep"; ANALYZE "CaseEvent"; ANALYZE "EvidenceRecord"; ANALYZE "IssuedDocument"; ANALYZE "CaseException"`,
  );
  console.log(
    `seeded ${CASES} cases for ${citizens} citizens in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/** Times `call` `SAMPLES` times (after a few untimed), one at a time, and prints its p50/p95. */
async function timed(label: string, call: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await call(i);
  const ms: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await call(i);
    ms.push(performance.now() - started);
  }
  console.log(
    `scale page=${label} samples=${SAMPLES} p50_ms=${pct(ms, 50).toFixed(1)} p95_ms=${pct(ms, 95).toFixed(1)}`,
  );
  return pct(ms, 95);
}

if (args.seed !== "0") await seed();
const { rows: total } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "Application"`);
const { rows: sample } = await pool.query<{ id: string; citizenId: string }>(
  `SELECT id, "citizenId" FROM "Application" TABLESAMPLE SYSTEM (1) WHERE "citizenId" IN (SELECT id FROM "User" WHERE email LIKE $1) LIMIT $2`,
  [`%${DOMAIN}`, SAMPLES],
);
if (sample.length === 0) throw new Error("No seeded cases to read: run without seed=0 first");
console.log(
  `reading with ${total[0]!.n} cases stored (load average ${(await import("node:os"))
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")})`,
);
const now = new Date();
const pick = (i: number) => sample[i % sample.length]!;
const p95s = [
  await timed("citizen-case", (i) => getApplication(pick(i).id, pick(i).citizenId, db)),
  // The page's poll once it holds the case's version and nothing changed (a 304).
  await timed("citizen-case-unchanged", (i) => applicationVersion(pick(i).id, pick(i).citizenId, db)),
  await timed("citizen-list", (i) => listApplications(pick(i).citizenId, 1, "finished", undefined, db)),
  ...(await (async () => {
    const out: number[] = [];
    for (const tab of ["awaiting", "overdue", "done"] as const)
      out.push(
        await timed(`office-tasks-${tab}`, (i) =>
          listTasks(STEP_OFFICES[i % STEP_OFFICES.length]!, tab, 1 + (i % 3), now, db),
        ),
      );
    return out;
  })()),
  await timed("caseworker-exceptions", (i) =>
    listExceptions({ overdue: false, state: "open", page: 1 + (i % 3) }, now, db),
  ),
];
console.log(`scale cases=${total[0]!.n} worst_p95_ms=${Math.max(...p95s).toFixed(1)}`);
await pool.end();
await db.$disconnect();
