import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../testing/database";
import { applicationVersion, matchesEtag, versionTag } from "./application-version";

// On real PostgreSQL: the version the case page's poll compares moves with every write the page
// would show, stays put otherwise, and answers only the people case-access.ts lets in.
process.env.NEXTAUTH_SECRET ??= "application-version-test-secret";
const db = testDb();
const applicationId = randomUUID();
let citizenId = "";
let subjectId = "";

beforeAll(async () => {
  const [citizen, subject] = await Promise.all(
    ["王芳", "王小明"].map((name) =>
      db.user.create({ data: { email: `${randomUUID()}@test.local`, name, passwordHash: "x", role: "CITIZEN" } }),
    ),
  );
  citizenId = citizen!.id;
  subjectId = subject!.id;
  await db.application.create({
    data: {
      id: applicationId,
      serviceCode: "newborn-registration",
      citizenId,
      subjectUserId: subjectId,
      status: "IN_DEPARTMENTS",
      consent: { recordTypes: ["identity"] },
      steps: {
        create: [{ key: "dept:household-registration", position: 1, kind: "DEPARTMENT", status: "AWAITING_DECISION" }],
      },
    },
  });
});

afterAll(async () => {
  await db.application.delete({ where: { id: applicationId } });
  await db.user.deleteMany({ where: { id: { in: [citizenId, subjectId] } } });
});

const version = () => applicationVersion(applicationId, citizenId, db);

describe("applicationVersion", () => {
  it("is the same while nothing is written, for her and for the person the case is about", async () => {
    const first = await version();
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(await version()).toBe(first);
    expect(await applicationVersion(applicationId, subjectId, db)).toBe(first);
  });

  it("moves with each write the case page shows: a step, a history line, a record, the case, her name", async () => {
    // The poll holds the version of its last read, so each write must move it from the one before.
    let last = await version();
    const before = last;
    const after = async (write: () => Promise<unknown>) => {
      await write();
      const next = await version();
      expect(next, "the version did not move").not.toBe(last);
      last = next;
    };
    await after(() =>
      db.applicationStep.update({
        where: { applicationId_key: { applicationId, key: "dept:household-registration" } },
        data: { status: "DONE", completedAt: new Date() },
      }),
    );
    await after(() =>
      db.caseEvent.create({
        data: { id: randomUUID(), applicationId, kind: "step-approved", messageEn: "Approved.", messageZh: "已批准。" },
      }),
    );
    await after(() =>
      db.evidenceRecord.create({
        data: {
          applicationId,
          recordType: "identity",
          departmentCode: "public-security",
          sourceRecordId: "r-1",
          retrievedAt: new Date(),
          rawSha256: "0".repeat(64),
          data: {},
        },
      }),
    );
    await after(() => db.evidenceRecord.deleteMany({ where: { applicationId } }));
    await after(() => db.application.update({ where: { id: applicationId }, data: { status: "ISSUING" } }));
    await after(() => db.user.update({ where: { id: citizenId }, data: { name: "王芳芳" } }));
    // Nothing written since: it stays. And it is not the first one back (every row is newer).
    expect(await version()).toBe(last);
    expect(last).not.toBe(before);
  });

  it("is null for anyone else, an unknown case and ids that are not ids", async () => {
    expect(await applicationVersion(applicationId, randomUUID(), db)).toBeNull();
    expect(await applicationVersion(randomUUID(), citizenId, db)).toBeNull();
    expect(await applicationVersion("1' OR '1'='1", citizenId, db)).toBeNull();
  });
});

describe("matchesEtag", () => {
  const tag = '"0123abcd"';
  it("matches the tag alone, in a list, weak, or any", () => {
    expect(matchesEtag(tag, tag)).toBe(true);
    expect(matchesEtag(`"x", W/${tag}`, tag)).toBe(true);
    expect(matchesEtag("*", tag)).toBe(true);
  });
  it("does not match another tag, an unquoted one or none", () => {
    expect(matchesEtag('"0123abce"', tag)).toBe(false);
    expect(matchesEtag("0123abcd", tag)).toBe(false);
    expect(matchesEtag(null, tag)).toBe(false);
  });
  it("matches the tag a version is sent as", () => {
    expect(versionTag("0123abcd")).toBe(tag);
    expect(matchesEtag(versionTag("0123abcd"), tag)).toBe(true);
  });
});
