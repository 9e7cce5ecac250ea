import { randomUUID } from "node:crypto";
import { appendAccessEvents } from "@visit-once/prisma/ledger";
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "../testing/database";
import { LEDGER_PAGE_SIZE, listAccessEvents, parseLedgerFilters } from "./list-access-events";

const db = testDb();
afterAll(() => db.$disconnect());

describe("parseLedgerFilters", () => {
  it("takes known action kinds, a case id, an actor and a page position; an empty field is no filter", () => {
    const id = randomUUID();
    const actor = randomUUID();
    expect(parseLedgerFilters({ action: "sign-in", case: id, actor: ` ${actor} `, before: "120" })).toEqual({
      ok: true,
      filters: { action: "sign-in", case: id, actor, before: 120n },
    });
    expect(parseLedgerFilters({ action: "", case: "", actor: "" })).toEqual({ ok: true, filters: {} });
  });

  it("names the first wrong filter", () => {
    expect(parseLedgerFilters({ action: "drop-table" })).toEqual({ ok: false, invalid: "action" });
    expect(parseLedgerFilters({ case: "not-a-case" })).toEqual({ ok: false, invalid: "case" });
    expect(parseLedgerFilters({ actor: "x".repeat(101) })).toEqual({ ok: false, invalid: "actor" });
    expect(parseLedgerFilters({ actor: "a\u0000b" })).toEqual({ ok: false, invalid: "actor" });
    expect(parseLedgerFilters({ action: ["sign-in", "export"] })).toEqual({ ok: true, filters: {} });
    expect(parseLedgerFilters({ before: "-1" })).toEqual({ ok: false, invalid: "before" });
    expect(parseLedgerFilters({ before: "9".repeat(40) })).toEqual({ ok: false, invalid: "before" });
  });
});

describe("listAccessEvents on PostgreSQL", () => {
  it("lists newest first, filtered by action, case and actor, a page at a time", async () => {
    const caseId = randomUUID();
    const actor = randomUUID();
    const entries = Array.from({ length: LEDGER_PAGE_SIZE + 5 }, (_, i) => ({
      actor: { id: actor, role: "OFFICER", office: "health" },
      subjectId: "c1",
      action: (i % 2 === 0 ? "staff-view" : "document-download") as "staff-view" | "document-download",
      applicationId: caseId,
      outcome: "allowed",
      requestId: `r${i}`,
    }));
    await appendAccessEvents(db, entries);
    const first = await listAccessEvents({ case: caseId }, db);
    expect(first.entries).toHaveLength(LEDGER_PAGE_SIZE);
    const seqs = first.entries.map((e) => e.seq);
    expect([...seqs].sort((a, b) => (a < b ? 1 : -1))).toEqual(seqs);
    expect(first.olderThan).toBe(seqs[seqs.length - 1]);
    const rest = await listAccessEvents({ case: caseId, before: first.olderThan! }, db);
    expect(rest).toMatchObject({ olderThan: null });
    expect(rest.entries).toHaveLength(5);

    const views = await listAccessEvents({ case: caseId, action: "staff-view", actor }, db);
    expect(views.entries).toHaveLength(28);
    expect(new Set(views.entries.map((e) => e.action))).toEqual(new Set(["staff-view"]));
    expect((await listAccessEvents({ case: caseId, actor: randomUUID() }, db)).entries).toEqual([]);
  });
});
