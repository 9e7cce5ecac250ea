import { randomUUID } from "node:crypto";
import { type AccessEventInput, appendAccessEvents } from "@visit-once/prisma/ledger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../testing/database";
import { describeAccess } from "./describe-access";
import { DATA_USE_PAGE_SIZE, listDataUse, ownCaseService, parseDataUseFilters } from "./list-data-use";

const db = testDb();
afterAll(() => db.$disconnect());

describe("parseDataUseFilters", () => {
  it("takes a known department, service and case, and a page position; an empty field is no filter", () => {
    const id = randomUUID();
    expect(
      parseDataUseFilters({ department: "health", service: "newborn-registration", case: ` ${id} `, before: "40" }),
    ).toEqual({
      ok: true,
      filters: { department: "health", service: "newborn-registration", case: id, before: 40n },
    });
    expect(parseDataUseFilters({ department: "", service: "", case: "" })).toEqual({ ok: true, filters: {} });
    expect(parseDataUseFilters({ department: "education" })).toEqual({
      ok: true,
      filters: { department: "education" },
    });
  });

  it("names the first wrong filter", () => {
    expect(parseDataUseFilters({ department: "ministry-of-magic" })).toEqual({ ok: false, invalid: "department" });
    expect(parseDataUseFilters({ service: "drop table" })).toEqual({ ok: false, invalid: "service" });
    expect(parseDataUseFilters({ case: "not-a-case" })).toEqual({ ok: false, invalid: "case" });
    expect(parseDataUseFilters({ before: "-3" })).toEqual({ ok: false, invalid: "before" });
    expect(parseDataUseFilters({ department: ["health", "taxation"] })).toEqual({ ok: true, filters: {} });
  });
});

describe("listDataUse on PostgreSQL", () => {
  const mei = randomUUID();
  const lei = randomUUID();
  const newbornCase = randomUUID();
  const schoolCase = randomUUID();
  const fetch = (
    subjectId: string,
    applicationId: string,
    serviceCode: string,
    department: string,
    recordType: string,
  ): AccessEventInput => ({
    actor: { id: null, role: "SYSTEM", office: null },
    subjectId,
    action: "department-fetch",
    department,
    recordTypes: [recordType],
    fields: ["fullName", "birthDate"],
    legalBasis: "ignored: the page words the catalogue's law",
    serviceCode,
    applicationId,
    outcome: "delivered",
  });

  beforeAll(async () => {
    await appendAccessEvents(db, [
      fetch(mei, newbornCase, "newborn-registration", "health", "birth-certificate"),
      fetch(mei, newbornCase, "newborn-registration", "public-security", "identity"),
      fetch(mei, schoolCase, "school-enrolment", "health", "vaccination"),
      fetch(lei, randomUUID(), "newborn-registration", "health", "birth-certificate"),
      {
        actor: { id: randomUUID(), role: "OFFICER", office: "civil-affairs" },
        subjectId: mei,
        action: "staff-view",
        recordTypes: ["marriage"],
        serviceCode: "newborn-registration",
        applicationId: newbornCase,
        outcome: "allowed",
      },
      { actor: { id: mei, role: "CITIZEN", office: null }, subjectId: mei, action: "sign-in", outcome: "success" },
      { actor: { id: lei, role: "CITIZEN", office: null }, subjectId: lei, action: "sign-in", outcome: "success" },
    ]);
  });

  it("a citizen sees only the entries about her or by her, newest first", async () => {
    const page = await listDataUse(mei, {}, db);
    expect(page.entries.map((e) => e.action)).toEqual([
      "sign-in",
      "staff-view",
      "department-fetch",
      "department-fetch",
      "department-fetch",
    ]);
    expect(page.entries.every((e) => e.subjectId === mei)).toBe(true);
    expect(page.olderThan).toBeNull();
    expect((await listDataUse(lei, {}, db)).entries).toHaveLength(2);
    expect((await listDataUse(randomUUID(), {}, db)).entries).toEqual([]);
  });

  it("filters by department (whose records, or which office's staff), by service and by case", async () => {
    const health = await listDataUse(mei, { department: "health" }, db);
    expect(health.entries.map((e) => e.recordTypes[0])).toEqual(["vaccination", "birth-certificate"]);
    const civil = await listDataUse(mei, { department: "civil-affairs" }, db);
    expect(civil.entries.map((e) => e.action)).toEqual(["staff-view"]);
    const school = await listDataUse(mei, { service: "school-enrolment" }, db);
    expect(school.entries.map((e) => e.applicationId)).toEqual([schoolCase]);
    const newborn = await listDataUse(mei, { case: newbornCase, department: "public-security" }, db);
    expect(newborn.entries.map((e) => e.recordTypes)).toEqual([["identity"]]);
  });

  it("pages through many entries, a page at a time", async () => {
    const many = randomUUID();
    await appendAccessEvents(
      db,
      Array.from({ length: DATA_USE_PAGE_SIZE + 3 }, (_, i) =>
        fetch(many, randomUUID(), "retirement", "human-resources", i % 2 ? "identity" : "social-insurance"),
      ),
    );
    const first = await listDataUse(many, {}, db);
    expect(first.entries).toHaveLength(DATA_USE_PAGE_SIZE);
    const seqs = first.entries.map((e) => e.seq);
    expect([...seqs].sort((a, b) => (a < b ? 1 : -1))).toEqual(seqs);
    expect(first.olderThan).toBe(seqs[seqs.length - 1]);
    const rest = await listDataUse(many, { before: first.olderThan! }, db);
    expect(rest.entries).toHaveLength(3);
    expect(rest.olderThan).toBeNull();
    expect(rest.entries.every((e) => e.seq < first.olderThan!)).toBe(true);
  });

  it("words an entry for her: who, whose records, why and under which law, in her language", async () => {
    const [signIn, view, , identity] = (await listDataUse(mei, {}, db)).entries;
    expect(describeAccess(signIn!, mei, "en")).toMatchObject({
      who: { kind: "you" },
      office: null,
      purposes: [],
      legalBases: [],
    });
    expect(describeAccess(view!, mei, "en")).toMatchObject({
      who: { kind: "staff", role: "OFFICER", office: "civil-affairs" },
      office: "civil-affairs",
    });
    expect(describeAccess(identity!, mei, "en")).toMatchObject({
      who: { kind: "system" },
      office: "public-security",
      purposes: ["Confirm who you are and where your household is registered"],
      legalBases: ["Resident Identity Card Law, art. 13"],
    });
    expect(describeAccess(identity!, mei, "zh-CN")).toMatchObject({
      purposes: ["核实您的身份和户籍所在地"],
      legalBases: ["《中华人民共和国居民身份证法》第十三条"],
    });
    const failed = { ...signIn!, outcome: "wrong-password" };
    expect(describeAccess(failed, mei, "en").who).toEqual({ kind: "attempt" });
  });

  it("a case filter names only the citizen's own case", async () => {
    const citizen = await db.user.create({
      data: { email: `${randomUUID()}@test.local`, name: "测试", passwordHash: "x", role: "CITIZEN" },
    });
    const id = randomUUID();
    await db.application.create({
      data: { id, serviceCode: "retirement", citizenId: citizen.id, status: "SUBMITTED", consent: {} },
    });
    expect(await ownCaseService(citizen.id, id, db)).toBe("retirement");
    expect(await ownCaseService(randomUUID(), id, db)).toBeNull();
  });

  it("an administrator's ledger search by one of her cases is hers to see; a search by another case is not", async () => {
    const citizen = await db.user.create({
      data: { email: `${randomUUID()}@test.local`, name: "测试", passwordHash: "x", role: "CITIZEN" },
    });
    const id = randomUUID();
    await db.application.create({
      data: { id, serviceCode: "retirement", citizenId: citizen.id, status: "SUBMITTED", consent: {} },
    });
    const admin = { id: randomUUID(), role: "ADMIN", office: null };
    await appendAccessEvents(db, [
      {
        actor: admin,
        subjectId: null,
        action: "admin-search",
        fields: ["case"],
        applicationId: id,
        outcome: "allowed",
      },
      {
        actor: admin,
        subjectId: null,
        action: "admin-search",
        fields: ["case"],
        applicationId: randomUUID(),
        outcome: "allowed",
      },
    ]);
    const page = await listDataUse(citizen.id, {}, db);
    expect(page.entries.map((e) => [e.action, e.applicationId])).toEqual([["admin-search", id]]);
    expect(describeAccess(page.entries[0]!, citizen.id, "en").who).toEqual({
      kind: "staff",
      role: "ADMIN",
      office: null,
    });
  });
});
