// The department stores in PostgreSQL answer exactly as the population in memory does.
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { DEPARTMENT_CODES, type DepartmentCode, type EvidenceRecord } from "@visit-once/workflows/contracts";
import pg from "pg";
import { poolConfig } from "@visit-once/prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONNECTORS } from "@visit-once/workers/connectors";
import { defaultDepartmentKey } from "@visit-once/workers/env";
import { schemaName } from "./department-store";
import { type RunningSandbox, generatePopulation, SANDBOX_POOL_NAME, startDepartmentSandboxes } from "./index";
import { writeDepartmentStores } from "./store-writer";

const OPTIONS = { seed: 99, families: 300, discrepancyRate: 0.05 };
const url = process.env.DATABASE_URL;
let memory: Record<DepartmentCode, RunningSandbox>;
let stored: Record<DepartmentCode, RunningSandbox>;
let report: Awaited<ReturnType<typeof writeDepartmentStores>>;
const population = generatePopulation(OPTIONS);

beforeAll(async () => {
  if (!url) throw new Error("DATABASE_URL is unset: run through `npm test`.");
  report = await writeDepartmentStores(url, OPTIONS, 64);
  [memory, stored] = await Promise.all([
    startDepartmentSandboxes({ anyPort: true, env: {}, population }),
    startDepartmentSandboxes({ anyPort: true, env: {}, storeDatabaseUrl: url }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([...Object.values(memory ?? {}), ...Object.values(stored ?? {})].map((s) => s.close()));
});

async function answer(sandboxes: Record<DepartmentCode, RunningSandbox>, code: DepartmentCode, id: string) {
  const results: Record<string, unknown> = {};
  for (const [recordType, fetcher] of Object.entries(CONNECTORS[code])) {
    try {
      const r: EvidenceRecord = await fetcher({ url: sandboxes[code].url, key: defaultDepartmentKey(code) }, id);
      results[recordType] = { data: r.data, source: r.provenance.sourceRecordId, sha: r.provenance.rawSha256 };
    } catch (e) {
      results[recordType] = { error: (e as Error).message };
    }
  }
  return results;
}

describe("department stores", () => {
  it("hold every family in each department's own schema", async () => {
    expect(report.families).toBe(OPTIONS.families + 2);
    expect(report.citizens).toBe(population.persons.size);
    const client = new pg.Client(poolConfig(url!));
    await client.connect();
    try {
      for (const code of DEPARTMENT_CODES) {
        const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${schemaName(code)}.family`);
        expect(Number(rows[0]!.n)).toBe(report.families);
      }
      // Nothing of the departments lands in the orchestrator's tables.
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('family', 'person_index')`,
      );
      expect(Number(rows[0]!.n)).toBe(0);
    } finally {
      await client.end();
    }
  });

  it("answer every connector exactly as the population in memory does", async () => {
    const discrepant = [...population.discrepancies.keys()].slice(0, 10);
    const people = [
      ...population.applicants.slice(0, 8),
      ...discrepant,
      DEMO_CITIZENS[2].nationalId,
      "110101199001010011",
    ];
    for (const id of people) {
      for (const code of DEPARTMENT_CODES) {
        expect(await answer(stored, code, id), `${code} ${id}`).toEqual(await answer(memory, code, id));
      }
    }
  }, 120_000);

  it("keep answering after PostgreSQL drops their connections (a database restart)", async () => {
    const id = population.applicants[0]!;
    const before = await answer(stored, "public-security", id);
    const admin = new pg.Client(poolConfig(url!));
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
        [SANDBOX_POOL_NAME],
      );
      expect(rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // The dropped idle connections emit their errors now; the process must survive them.
    await new Promise((r) => setTimeout(r, 300));
    expect(await answer(stored, "public-security", id)).toEqual(before);
  });
});
