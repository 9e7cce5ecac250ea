// Verification codes on a real Temporal server, real PostgreSQL and the real workers:
// minted by the issuing activity from the CSPRNG (120 bits), never seen by the workflow,
// and one code per document however often the activity runs.
import { randomUUID } from "node:crypto";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { SERVICES, verificationCodeBytes } from "@visit-once/workflows/contracts";
import { describe, expect, it } from "vitest";
import { createOrchestratorActivities } from "@visit-once/workers/activities/orchestrator-activities";
import { approveAll } from "./testing/case-driver";
import { saveHistory, submit, useCaseStack } from "./testing/case-stack";
import { createTestTemporal } from "./testing/temporal-env";
import { testDataConverter } from "@visit-once/workers/testing/test-codec";

const stack = useCaseStack(createTestTemporal);
const [mei] = DEMO_CITIZENS;
const NEW_FORMAT = /^VO(-[0-9A-HJKMNP-TV-Z]{4}){6}$/;

/** Every payload and string in a history, as text: what anyone reading the history could read. */
function historyText(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(historyText).join("\n");
  if (value && typeof value === "object") return Object.values(value).map(historyText).join("\n");
  return "";
}

/** The history with its sealed payloads opened (what anyone holding the key could read). */
async function opened(value: unknown): Promise<unknown> {
  if (value instanceof Uint8Array || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return Promise.all(value.map(opened));
  const codec = (await testDataConverter()).payloadCodecs![0]!;
  const entries = await Promise.all(
    Object.entries(value).map(
      async ([key, child]) =>
        [key, key === "payloads" && Array.isArray(child) ? await codec.decode(child) : await opened(child)] as const,
    ),
  );
  return Object.fromEntries(entries);
}

describe("verification codes", () => {
  it("a completed case's documents carry distinct 120-bit Crockford codes that its history never holds", async () => {
    const { applicationId, handle } = await submit(stack, mei.email);
    expect((await approveAll(handle)).status).toBe("COMPLETED");
    await saveHistory(stack, "newborn-registration-issued-at-once", handle);

    const documents = await stack.db.issuedDocument.findMany({ where: { applicationId } });
    expect(documents.map((d) => d.key).sort()).toEqual(
      SERVICES["newborn-registration"].outcomes.map((o) => o.key).sort(),
    );
    const codes = documents.map((d) => d.verificationCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(NEW_FORMAT);
      expect(verificationCodeBytes(code)).toHaveLength(15);
    }

    // The workflow took the new path (its patch marker is in the history) and never saw a code.
    const text = historyText(await opened(await handle.fetchHistory()));
    expect(text).toContain("issue-documents-at-once");
    expect(text).toContain("issueDocuments");
    expect(text).toContain("household-page");
    for (const code of codes) {
      expect(text).not.toContain(code);
      expect(text).not.toContain(code.replaceAll("-", ""));
    }
  }, 60_000);

  it("a retried issue keeps the document's first code, and each document gets its own", async () => {
    const { applicationId, handle } = await submit(stack, mei.email);
    expect((await approveAll(handle)).status).toBe("COMPLETED");
    const before = await stack.db.issuedDocument.findMany({ where: { applicationId }, orderBy: { key: "asc" } });
    const first = before.find((d) => d.key === "household-page")!;

    // What a retry after a lost reply does: the same document, the same event id.
    const activities = createOrchestratorActivities(stack.db);
    const eventIds: Record<string, string> = { "household-page": randomUUID(), "extra-copy": randomUUID() };
    const issue = (key: string) =>
      activities.mintAndIssueDocument({
        applicationId,
        key,
        title: { en: "Household register page", zh: "户口簿页" },
        issuedBy: "public-security",
        event: { id: eventIds[key]!, kind: "document-issued", message: { en: "Issued.", zh: "已出具。" } },
      });
    await issue("household-page");
    await issue("household-page");
    expect(await stack.db.issuedDocument.findMany({ where: { applicationId }, orderBy: { key: "asc" } })).toEqual(
      before,
    );
    expect(await stack.db.caseEvent.count({ where: { id: eventIds["household-page"] } })).toBe(1);

    await issue("extra-copy");
    const extra = await stack.db.issuedDocument.findUniqueOrThrow({
      where: { applicationId_key: { applicationId, key: "extra-copy" } },
    });
    expect(extra.verificationCode).toMatch(NEW_FORMAT);
    expect(extra.verificationCode).not.toBe(first.verificationCode);
  }, 60_000);
});
