// A correction changes the department's own store in PostgreSQL: the stored family row of that
// department, not another department's, and the next read (from the store) says the new value.
import { DEMO_CITIZENS, poolConfig } from "@visit-once/prisma";
import type { DepartmentCode } from "@visit-once/workflows/contracts";
import { CONNECTORS } from "@visit-once/workers/connectors";
import { CORRECTORS } from "@visit-once/workers/connectors/corrections";
import { defaultDepartmentKey } from "@visit-once/workers/env";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { schemaName } from "./department-store";
import { type RunningSandbox, startDepartmentSandboxes } from "./index";
import { writeDepartmentStores } from "./store-writer";

const url = process.env.DATABASE_URL;
let stored: Record<DepartmentCode, RunningSandbox>;
const [mei] = DEMO_CITIZENS;

beforeAll(async () => {
  if (!url) throw new Error("DATABASE_URL is unset: run through `npm test`.");
  await writeDepartmentStores(url, { seed: 7, families: 40, discrepancyRate: 0.05 }, 16);
  stored = await startDepartmentSandboxes({ anyPort: true, env: {}, storeDatabaseUrl: url });
}, 120_000);
afterAll(async () => {
  await Promise.all(Object.values(stored ?? {}).map((s) => s.close()));
});

async function storedName(code: DepartmentCode, nationalId: string): Promise<string[]> {
  const client = new pg.Client(poolConfig(url!));
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT p->>'fullName' AS name FROM ${schemaName(code)}.family f, jsonb_array_elements(f.data->'persons') p WHERE p->>'nationalId' = $1`,
      [nationalId],
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

it("corrects the name in Public Security's store only", async () => {
  const conn = { url: stored["public-security"].url, key: defaultDepartmentKey("public-security") };
  const record = await CONNECTORS["public-security"].identity!(conn, mei.nationalId);
  const healthBefore = await storedName("health", mei.nationalId);
  await CORRECTORS["public-security"](conn, {
    correctionId: "9b7d2c1e-0000-4000-8000-000000000001",
    recordType: "identity",
    subjectNationalId: mei.nationalId,
    record,
    fields: [{ field: "fullName", value: "王美玲" }],
    note: "户籍更正",
  });
  expect((await CONNECTORS["public-security"].identity!(conn, mei.nationalId)).data.fullName).toBe("王美玲");
  expect(new Set(await storedName("public-security", mei.nationalId))).toEqual(new Set(["王美玲"]));
  expect(await storedName("health", mei.nationalId)).toEqual(healthBefore);
  expect(healthBefore).not.toContain("王美玲");
});
