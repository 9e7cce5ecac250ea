import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { ledgerTestDatabases } from "../testing/ledger-databases";
import {
  createFieldCipher,
  generateBlindIndexKey,
  generateDataKey,
  parseBlindIndexKey,
  parseDataKeys,
} from "./field-cipher";
import { findUserIdByNationalId, identityNumberColumns } from "./identity-number";
import { sealStoredValues } from "./seal-stored-values";
import { openSensitive } from "./sensitive-values";

const databases = ledgerTestDatabases();
afterAll(() => databases.dropAll());

const OLD = generateDataKey("old");
const INDEX = parseBlindIndexKey(generateBlindIndexKey());
const cipher = createFieldCipher(parseDataKeys(OLD), INDEX);
const ID = "330102199203150021";
const OTHER = "330106199001010018";
const BANK = "6222020200112233445";
const PHONE = "13912345678";

/** Every text and JSON value of the tables that hold them, as one string. */
async function everything(db: Awaited<ReturnType<typeof databases.fresh>>["db"]): Promise<string> {
  const rows = await db.$queryRaw<{ t: string }[]>`
    SELECT concat_ws('|', u."nationalId", u."phone") AS t FROM "User" u
    UNION ALL SELECT concat_ws('|', r."data"::text, r."sourceRecordId") FROM "EvidenceRecord" r
    UNION ALL SELECT concat_ws('|', a."consent"::text, array_to_string(a."reasons", '|'), array_to_string(a."reasonsZh", '|'), a."subjectNationalId") FROM "Application" a
    UNION ALL SELECT m."grantorNationalId" FROM "Mandate" m
    UNION ALL SELECT concat_ws('|', x."summary", x."conflict"::text, x."resolution"::text) FROM "CaseException" x
    UNION ALL SELECT concat_ws('|', e."messageEn", e."messageZh") FROM "CaseEvent" e
    UNION ALL SELECT coalesce(s."detail", '') FROM "ApplicationStep" s`;
  return rows.map((r) => r.t).join("\n");
}

describe("identity numbers at rest on PostgreSQL", () => {
  it("finds an account by its identity number through the blind index; the column holds it only sealed; one number, one account", async () => {
    const { db } = await databases.fresh();
    const user = await db.user.create({
      data: {
        email: `${randomUUID()}@t.local`,
        name: "王美",
        passwordHash: "-",
        role: "CITIZEN",
        ...identityNumberColumns(cipher, ID),
      },
    });
    expect(await findUserIdByNationalId(db, cipher, ID)).toBe(user.id);
    expect(await findUserIdByNationalId(db, cipher, OTHER)).toBeNull();
    // Another index key finds nothing: the index is keyed, not a plain hash.
    expect(
      await findUserIdByNationalId(
        db,
        createFieldCipher(parseDataKeys(OLD), parseBlindIndexKey(generateBlindIndexKey())),
        ID,
      ),
    ).toBeNull();
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.nationalId).not.toContain(ID.slice(6));
    expect(cipher.open(stored.nationalId!)).toBe(ID);
    await expect(
      db.user.create({
        data: {
          email: `${randomUUID()}@t.local`,
          name: "x",
          passwordHash: "-",
          role: "CITIZEN",
          ...identityNumberColumns(cipher, ID),
        },
      }),
    ).rejects.toThrow(/Unique constraint/);
  }, 60_000);

  it("seals rows stored in clear before encryption, then re-seals them under a newly added key; a second run changes nothing", async () => {
    const { db } = await databases.fresh();
    const applicationId = randomUUID();
    const user = await db.user.create({
      data: {
        email: `${randomUUID()}@t.local`,
        name: "王美",
        passwordHash: "-",
        role: "CITIZEN",
        nationalId: ID,
        phone: PHONE,
      },
    });
    const parent = `The departments disagree on the parents on the birth certificate: "${ID}" (Health Commission) against "${OTHER}" (Public Security).`;
    await db.application.create({
      data: {
        id: applicationId,
        serviceCode: "retirement",
        citizenId: user.id,
        consent: { fields: { bankAccount: BANK } },
        reasons: [parent],
        reasonsZh: [parent],
        // Applied for someone else: the person's identity number (sealed at submission).
        subjectNationalId: OTHER,
        steps: { create: [{ key: "review", position: 0, kind: "CHECK", status: "FAILED", detail: parent }] },
        records: {
          create: [
            {
              recordType: "household",
              departmentCode: "public-security",
              sourceRecordId: `hh-${OTHER}`,
              retrievedAt: new Date(),
              rawSha256: "0",
              data: { headNationalId: OTHER, members: [{ nationalId: ID, fullName: "王美" }] },
            },
          ],
        },
        exceptions: {
          create: [
            {
              id: randomUUID(),
              kind: "CONFLICT",
              status: "OPEN",
              summary: parent,
              blocking: true,
              dueAt: new Date(),
              conflict: {
                field: "parent",
                values: [{ value: `${ID}, ${OTHER}`, recordType: "birth-certificate", department: "health" }],
              },
            },
          ],
        },
        events: {
          create: [
            {
              id: randomUUID(),
              kind: "exception-raised",
              messageEn: `A caseworker will check this: ${parent}`,
              messageZh: "工作人员将核实",
            },
          ],
        },
      },
    });
    const mandate = await db.mandate.create({
      data: {
        id: randomUUID(),
        source: "PORTAL",
        grantorId: user.id,
        grantorNationalId: ID,
        grantorIndex: cipher.blindIndex(ID),
        grantorName: "王美",
        granteeIndex: cipher.blindIndex(OTHER),
        granteeName: "王强",
        services: ["retirement"],
        expiresOn: "2027-12-31",
      },
    });
    const before = await everything(db);
    expect(before).toContain(ID);
    expect(before).toContain(BANK);
    expect(before).toContain(PHONE);

    expect(await sealStoredValues(db, cipher)).toEqual({
      users: 1,
      records: 1,
      applications: 1,
      exceptions: 1,
      events: 1,
      steps: 1,
      mandates: 1,
    });
    const sealed = await everything(db);
    expect(sealed).not.toMatch(/[0-9]{17}[0-9X]/);
    expect(sealed).not.toContain(BANK);
    expect(sealed).not.toContain(PHONE);
    expect(await findUserIdByNationalId(db, cipher, ID)).toBe(user.id);
    expect(await sealStoredValues(db, cipher)).toEqual({
      users: 0,
      records: 0,
      applications: 0,
      exceptions: 0,
      events: 0,
      steps: 0,
      mandates: 0,
    });

    // Rotation: add a key; the next run seals everything again under it, and only the new key is still needed.
    const rotated = createFieldCipher(parseDataKeys(`${OLD},${generateDataKey("new")}`), INDEX);
    expect(await sealStoredValues(db, rotated)).toEqual({
      users: 1,
      records: 1,
      applications: 1,
      exceptions: 1,
      events: 1,
      steps: 1,
      mandates: 1,
    });
    const stored = await db.application.findUniqueOrThrow({
      where: { id: applicationId },
      include: { records: true, exceptions: true },
    });
    expect(rotated.keyIdOf((stored.consent as { fields: { bankAccount: string } }).fields.bankAccount)).toBe("new");
    expect(openSensitive(stored.records[0]!.data, rotated)).toEqual({
      headNationalId: OTHER,
      members: [{ nationalId: ID, fullName: "王美" }],
    });
    expect(openSensitive(stored.exceptions[0]!.summary, rotated)).toBe(parent);
    expect(openSensitive(stored.reasons, rotated)).toEqual([parent]);
    expect(openSensitive(stored.reasonsZh, rotated)).toEqual([parent]);
    expect(rotated.keyIdOf(stored.subjectNationalId!)).toBe("new");
    expect(rotated.open(stored.subjectNationalId!)).toBe(OTHER);
    const storedMandate = await db.mandate.findUniqueOrThrow({ where: { id: mandate.id } });
    expect(rotated.keyIdOf(storedMandate.grantorNationalId)).toBe("new");
    expect(rotated.open(storedMandate.grantorNationalId)).toBe(ID);
    expect(await findUserIdByNationalId(db, rotated, ID)).toBe(user.id);
    const account = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(rotated.keyIdOf(account.phone!)).toBe("new");
    expect(rotated.open(account.phone!)).toBe(PHONE);
  }, 60_000);

  it("re-seals a mobile number alone under a new key, leaving an account without an identity number as it is otherwise", async () => {
    const { db } = await databases.fresh();
    const user = await db.user.create({
      data: {
        email: `${randomUUID()}@t.local`,
        name: "Officer",
        passwordHash: "-",
        role: "OFFICER",
        phone: cipher.seal(PHONE),
      },
    });
    expect(await sealStoredValues(db, cipher)).toMatchObject({ users: 0 });
    const rotated = createFieldCipher(parseDataKeys(`${OLD},${generateDataKey("new")}`), INDEX);
    expect(await sealStoredValues(db, rotated)).toMatchObject({ users: 1 });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.nationalId).toBeNull();
    expect(rotated.keyIdOf(stored.phone!)).toBe("new");
    expect(rotated.open(stored.phone!)).toBe(PHONE);
    expect(await sealStoredValues(db, rotated)).toMatchObject({ users: 0 });
  }, 60_000);
});
