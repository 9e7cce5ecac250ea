// mintAndIssueDocument and issueDocuments on real PostgreSQL, with the minted codes chosen by
// the test: the retry and clash paths a CSPRNG almost never takes on its own.
import { randomUUID } from "node:crypto";
import { DEMO_CITIZENS, type Db } from "@visit-once/prisma";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testDatabase } from "../testing/database";
import { createOrchestratorActivities } from "./orchestrator-activities";
import { mintVerificationCode } from "./verification-code";

vi.mock("./verification-code", () => ({ mintVerificationCode: vi.fn() }));
const mint = vi.mocked(mintVerificationCode);

let db: Db;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db?.$disconnect();
});
beforeEach(() => {
  mint.mockReset();
});

/** A code of the new format that no other test run uses. */
function code(): string {
  const symbols = randomUUID()
    .replaceAll("-", "")
    .toUpperCase()
    .replace(/[ILOU]/g, "0")
    .slice(0, 24);
  return `VO-${symbols.match(/.{4}/g)!.join("-")}`;
}

async function application(): Promise<string> {
  const citizen = await db.user.findUniqueOrThrow({ where: { email: DEMO_CITIZENS[0].email } });
  const id = randomUUID();
  await db.application.create({
    data: { id, serviceCode: "newborn-registration", citizenId: citizen.id, consent: ["identity"] },
  });
  return id;
}

function issue(applicationId: string, eventId: string) {
  return createOrchestratorActivities(db).mintAndIssueDocument({
    applicationId,
    key: "household-page",
    title: { en: "Household register page", zh: "户口簿页" },
    issuedBy: "public-security",
    event: {
      id: eventId,
      kind: "document-issued",
      message: { en: "Household register page issued.", zh: "户口簿页已出具。" },
    },
  });
}

const stored = (applicationId: string) =>
  db.issuedDocument.findMany({ where: { applicationId }, select: { key: true, verificationCode: true } });

describe("mintAndIssueDocument", () => {
  it("keeps the first code when a retry mints another", async () => {
    const applicationId = await application();
    const eventId = randomUUID();
    const [first, second] = [code(), code()];
    mint.mockReturnValueOnce(first).mockReturnValueOnce(second);
    await issue(applicationId, eventId);
    await issue(applicationId, eventId);
    expect(mint).toHaveBeenCalledTimes(2);
    expect(await stored(applicationId)).toEqual([{ key: "household-page", verificationCode: first }]);
    expect(await db.caseEvent.count({ where: { applicationId } })).toBe(1);
  });

  it("fails an attempt whose code is already another document's, writing nothing, and the retry's new code stands", async () => {
    const [taken, fresh] = [code(), code()];
    mint.mockReturnValueOnce(taken);
    await issue(await application(), randomUUID());

    const applicationId = await application();
    const eventId = randomUUID();
    mint.mockReturnValueOnce(taken).mockReturnValueOnce(fresh);
    await expect(issue(applicationId, eventId)).rejects.toThrow(/verificationCode|unique/i);
    expect(await stored(applicationId)).toEqual([]);
    expect(await db.caseEvent.count({ where: { applicationId } })).toBe(0);
    await issue(applicationId, eventId);
    expect(await stored(applicationId)).toEqual([{ key: "household-page", verificationCode: fresh }]);
    expect(await db.caseEvent.count({ where: { applicationId } })).toBe(1);
  });
});

describe("issueDocuments", () => {
  const documents = [
    { key: "household-page", title: { en: "Household register page", zh: "户口簿页" } },
    { key: "extra-copy", title: { en: "Extra copy", zh: "副本" } },
  ].map((d) => ({
    ...d,
    issuedBy: "public-security" as const,
    event: { id: randomUUID(), kind: "document-issued", message: { en: `${d.title.en} issued.`, zh: "已出具。" } },
  }));
  const issueAll = (applicationId: string) =>
    createOrchestratorActivities(db).issueDocuments({ applicationId, documents });
  const status = async (applicationId: string) =>
    (await db.application.findUniqueOrThrow({ where: { id: applicationId } })).status;

  it("moves the case to ISSUING and issues every document with its own code and event; a retry changes nothing", async () => {
    const applicationId = await application();
    await db.application.update({ where: { id: applicationId }, data: { status: "IN_DEPARTMENTS" } });
    const codes = [code(), code(), code(), code()];
    for (const c of codes) mint.mockReturnValueOnce(c);
    await issueAll(applicationId);
    await issueAll(applicationId);
    expect(mint).toHaveBeenCalledTimes(4);
    expect(await status(applicationId)).toBe("ISSUING");
    expect(await stored(applicationId)).toEqual(
      expect.arrayContaining([
        { key: "household-page", verificationCode: codes[0] },
        { key: "extra-copy", verificationCode: codes[1] },
      ]),
    );
    expect(await db.caseEvent.count({ where: { applicationId } })).toBe(2);
  });

  it("writes nothing when one document's code clashes, and the retry issues them all", async () => {
    const taken = code();
    mint.mockReturnValueOnce(taken);
    await issue(await application(), randomUUID());

    const applicationId = await application();
    await db.application.update({ where: { id: applicationId }, data: { status: "IN_DEPARTMENTS" } });
    mint.mockReturnValueOnce(code()).mockReturnValueOnce(taken);
    await expect(issueAll(applicationId)).rejects.toThrow(/verificationCode|unique/i);
    expect(await stored(applicationId)).toEqual([]);
    expect(await status(applicationId)).toBe("IN_DEPARTMENTS");
    expect(await db.caseEvent.count({ where: { applicationId } })).toBe(0);
    mint.mockReturnValueOnce(code()).mockReturnValueOnce(code());
    await issueAll(applicationId);
    expect(await stored(applicationId)).toHaveLength(2);
    expect(await status(applicationId)).toBe("ISSUING");
  });

  it("never moves a closed case", async () => {
    const applicationId = await application();
    await db.application.update({ where: { id: applicationId }, data: { status: "CANCELLED" } });
    mint.mockReturnValueOnce(code()).mockReturnValueOnce(code());
    await issueAll(applicationId);
    expect(await status(applicationId)).toBe("CANCELLED");
  });
});
