import { randomUUID } from "node:crypto";
import { TEST_CODEC_KEYS } from "@visit-once/workflows/contracts/payload-codec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../testing/database";
import { getApplication } from "./get-application";

// Chen Hua's case as the issue measured it, on real PostgreSQL: a birth certificate the Health
// Commission does not hold, which a caseworker accepted going without. Her page says it from the
// stored words in each language; a row from before words-as-data keeps its stored text.
process.env.NEXTAUTH_SECRET ??= "get-application-test-secret";
process.env.VO_TEMPORAL_CODEC_KEYS ??= TEST_CODEC_KEYS;
const db = testDb();
const applicationId = randomUUID();
let citizenId = "";
const ENGLISH = "The Health Commission holds no birth-certificate record for the applicant.";

beforeAll(async () => {
  const citizen = await db.user.create({
    data: { email: `${randomUUID()}@test.local`, name: "陈华", passwordHash: "x", role: "CITIZEN" },
  });
  citizenId = citizen.id;
  await db.application.create({
    data: {
      id: applicationId,
      serviceCode: "newborn-registration",
      citizenId,
      status: "IN_DEPARTMENTS",
      consent: { recordTypes: ["identity", "birth-certificate", "marriage"] },
      steps: {
        create: [
          {
            key: "fetch:birth-certificate",
            position: 1,
            status: "FAILED",
            detail: ENGLISH,
            detailWords: { kind: "record-missing", department: "health", recordType: "birth-certificate" },
          },
          {
            key: "fetch:marriage",
            position: 2,
            status: "FAILED",
            detail: "The Civil Affairs Bureau holds no marriage record for the applicant.",
          },
        ],
      },
      exceptions: {
        create: [
          {
            id: randomUUID(),
            kind: "MISSING_RECORD",
            status: "RESOLVED",
            departmentCode: "health",
            recordType: "birth-certificate",
            summary: ENGLISH,
            blocking: true,
            dueAt: new Date(),
            resolution: { kind: "accept", justification: "家中分娩" },
          },
          {
            id: randomUUID(),
            kind: "MISSING_RECORD",
            status: "OPEN",
            departmentCode: "civil-affairs",
            recordType: "marriage",
            summary: "x",
            blocking: true,
            dueAt: new Date(),
          },
        ],
      },
      events: {
        create: [
          {
            id: randomUUID(),
            kind: "exception-resolved",
            messageEn: `A caseworker resolved "${ENGLISH}": accepted as it is (家中分娩).`,
            messageZh: "工作人员已处理：家中分娩",
            words: { kind: "exception-resolved", resolution: "accept", why: "家中分娩" },
          },
          {
            id: randomUUID(),
            kind: "awaiting-caseworker",
            messageEn: "Old English line.",
            messageZh: "旧的中文记录。",
          },
        ],
      },
    },
  });
});

afterAll(async () => {
  await db.application.delete({ where: { id: applicationId } });
  await db.user.delete({ where: { id: citizenId } });
});

describe("getApplication", () => {
  it("says a failed record step from its words in both languages, and shows one a caseworker accepted as settled", async () => {
    const view = await getApplication(applicationId, citizenId, db);
    const birth = view!.steps.find((s) => s.key === "fetch:birth-certificate")!;
    expect(birth.detail).toEqual({
      en: "The Health Commission holds no medical birth certificate for the applicant.",
      zh: "卫生健康委员会没有申请人的出生医学证明。",
    });
    expect(birth.settled).toBe(true);
    // A step from before words keeps its text; one still open is not settled.
    const marriage = view!.steps.find((s) => s.key === "fetch:marriage")!;
    expect(marriage.detail).toEqual({
      en: "The Civil Affairs Bureau holds no marriage record for the applicant.",
      zh: "The Civil Affairs Bureau holds no marriage record for the applicant.",
    });
    expect(marriage.settled).toBe(false);
  });

  it("says each history line from its words, and keeps a line from before as it was stored", async () => {
    const view = await getApplication(applicationId, citizenId, db);
    expect(view!.events.map((e) => e.messageZh).sort()).toEqual(
      ["工作人员已处理：按现有情况接受（家中分娩）。", "旧的中文记录。"].sort(),
    );
    expect(view!.events.find((e) => e.messageZh.startsWith("工作人员已处理"))!.messageEn).toBe(
      "A caseworker settled it: accepted as it is (家中分娩).",
    );
  });

  it("shows nothing to anyone but the owner", async () => {
    expect(await getApplication(applicationId, randomUUID(), db)).toBeNull();
  });
});
