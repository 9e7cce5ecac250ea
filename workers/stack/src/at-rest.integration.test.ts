// After real cases (real Temporal, workers, sandboxes and PostgreSQL), every text and JSON
// column of every table of the orchestrator's database is scanned for identity numbers (GB
// 11643-valid) and the typed bank account: none may be there in clear.
import { DEMO_CITIZENS, type Db } from "@visit-once/prisma";
import { openSensitive, testFieldCipher } from "@visit-once/prisma/at-rest";
import { seedDemoAccounts } from "@visit-once/prisma/seed";
import { ledgerTestDatabases } from "@visit-once/prisma/testing/ledger-databases";
import { nationalIdProblem } from "@visit-once/workflows/contracts";
import { afterAll, describe, expect, it } from "vitest";
import { approveAll } from "./testing/case-driver";
import { submit, useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";

// A database of its own: the shared test database holds other tests' rows written in clear on purpose (rows from before encryption).
const databases = ledgerTestDatabases();
async function ownDatabase(): Promise<Db> {
  const { db } = await databases.fresh();
  await seedDemoAccounts(db, "test-app-secret", testFieldCipher());
  return db;
}
const stack = useCaseStack(createTestTemporal, ownDatabase);
afterAll(() => databases.dropAll());
const [mei, , , , wu] = DEMO_CITIZENS;
const BANK_ACCOUNT = "6222020200112233445";

interface Column {
  table: string;
  column: string;
}

/** Each value of the column that holds an identity number or the bank account in clear. */
async function clearValuesIn(db: Db, { table, column }: Column): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ v: string }[]>(
    `SELECT "${column}"::text AS v FROM "${table}" WHERE "${column}"::text ~ '[0-9]{17}[0-9X]' OR "${column}"::text LIKE $1`,
    `%${BANK_ACCOUNT}%`,
  );
  const today = new Date().toISOString().slice(0, 10);
  return rows.flatMap(({ v }) => [
    ...[...v.matchAll(/[0-9]{17}[0-9X]/g)].map((m) => m[0]).filter((id) => nationalIdProblem(id, today) === null),
    ...(v.includes(BANK_ACCOUNT) ? [BANK_ACCOUNT] : []),
  ]);
}

describe("identity numbers and bank accounts at rest", () => {
  it("after a newborn registration and a retirement with a typed bank account, no table holds either in clear", async () => {
    const newborn = await submit(stack, mei.email);
    const retirement = await submit(stack, wu.email, {
      serviceCode: "retirement",
      fields: { bankAccount: BANK_ACCOUNT },
    });
    expect((await approveAll(newborn.handle)).status).toBe("COMPLETED");
    await approveAll(retirement.handle);

    const columns = await stack.db.$queryRaw<Column[]>`
      SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
      WHERE table_schema = current_schema() AND (data_type IN ('text', 'character varying', 'json', 'jsonb') OR (data_type = 'ARRAY' AND udt_name IN ('_text', '_varchar')))
      ORDER BY table_name, column_name`;
    expect(columns.map((c) => `${c.table}.${c.column}`)).toEqual(
      expect.arrayContaining([
        "User.nationalId",
        "EvidenceRecord.data",
        "Application.consent",
        "CaseEvent.messageEn",
        "AccessEvent.fields",
      ]),
    );
    const found: string[] = [];
    for (const c of columns)
      for (const value of await clearValuesIn(stack.db, c)) found.push(`${c.table}.${c.column}: ${value}`);
    expect(found).toEqual([]);

    // They are there, sealed: opened with the key, the records and the typed field hold them.
    const cipher = testFieldCipher();
    const identity = await stack.db.evidenceRecord.findUniqueOrThrow({
      where: { applicationId_recordType: { applicationId: newborn.applicationId, recordType: "identity" } },
    });
    expect(openSensitive(identity.data, cipher)).toMatchObject({ nationalId: mei.nationalId });
    const application = await stack.db.application.findUniqueOrThrow({ where: { id: retirement.applicationId } });
    expect(openSensitive(application.consent, cipher)).toMatchObject({ fields: { bankAccount: BANK_ACCOUNT } });
    const citizen = await stack.db.user.findUniqueOrThrow({ where: { email: mei.email } });
    expect(cipher.open(citizen.nationalId!)).toBe(mei.nationalId);
    expect(citizen.nationalIdIndex).toBe(cipher.blindIndex(mei.nationalId));
  }, 180_000);
});
