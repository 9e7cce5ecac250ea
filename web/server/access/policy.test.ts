import type { Role } from "@visit-once/prisma";
import { CASE_ACTION_NAMES } from "@visit-once/workflows/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Action, type Actor, decide, type Resource } from "./policy";

const OFFICES = ["public-security", "health", "taxation", "education"] as const;
const RECORDS = ["identity", "household", "marriage", "tax-clearance"] as const;
const ACTIONS: Action[] = [
  ...CASE_ACTION_NAMES,
  "read",
  "list",
  "rate",
  "download",
  "claim",
  "reset",
  "decode",
  "reveal",
  "invite",
  "change",
  "deactivate",
  "reactivate",
  "create",
  "delete",
  "accept",
  "mark-read",
  "grant",
  "revoke",
];
type QueueName = Extract<Resource, { kind: "queue" }>["name"];
const QUEUES: QueueName[] = [
  "exceptions",
  "tasks",
  "board",
  "audit",
  "accounts",
  "ledger",
  "offices",
  "services",
  "calendar",
  "mandates",
  "reviews",
];
const ids = fc.constantFrom("u1", "u2", "u3");

const actor: fc.Arbitrary<Actor> = fc.record({
  id: ids,
  role: fc.constantFrom("CITIZEN", "CASEWORKER", "OFFICER", "ADMIN" as const),
  departmentCode: fc.option(fc.constantFrom(...OFFICES), { nil: null }),
});

const resource: fc.Arbitrary<Resource> = fc.oneof(
  fc.record({ kind: fc.constant("case" as const), citizenId: ids, hasExceptions: fc.boolean() }),
  fc.record({
    kind: fc.constant("case" as const),
    citizenId: ids,
    hasExceptions: fc.boolean(),
    subjectUserId: fc.option(ids, { nil: null }),
    representativeActive: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("mandate" as const),
    grantorId: fc.option(ids, { nil: null }),
    source: fc.constantFrom("PORTAL" as const, "NOTARISED" as const),
  }),
  fc.record({ kind: fc.constant("task" as const), office: fc.constantFrom(...OFFICES), offered: fc.boolean() }),
  fc.record({
    kind: fc.constant("evidence" as const),
    office: fc.constantFrom(...OFFICES),
    recordType: fc.constantFrom(...RECORDS),
    grantedTo: fc.subarray([...RECORDS]),
    offered: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("exception" as const), claimedById: fc.option(ids, { nil: null }) }),
  fc.record({ kind: fc.constant("correction" as const), office: fc.constantFrom(...OFFICES) }),
  fc.record({
    kind: fc.constant("sensitive-field" as const),
    via: fc.constant("task" as const),
    office: fc.constantFrom(...OFFICES),
    offered: fc.boolean(),
    granted: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("sensitive-field" as const),
    via: fc.constant("exception" as const),
    granted: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("account" as const),
    role: fc.constantFrom<Role[]>("CITIZEN", "CASEWORKER", "OFFICER", "ADMIN"),
  }),
  fc.record({ kind: fc.constant("payloads" as const), namespace: fc.constantFrom("default", "other") }),
  fc.record({ kind: fc.constant("shared-data" as const), office: fc.constantFrom(...OFFICES) }),
  fc.record({ kind: fc.constant("office" as const), code: fc.constantFrom(...OFFICES) }),
  fc.record({ kind: fc.constant("calendar-day" as const), day: fc.constantFrom("2027-10-01", "2026-10-10") }),
  fc.record({ kind: fc.constant("invitation" as const), userId: ids }),
  fc.record({ kind: fc.constant("queue" as const), name: fc.constantFrom(...QUEUES) }),
  fc.record({
    kind: fc.constant("notification" as const),
    userId: fc.option(ids, { nil: null }),
    office: fc.option(fc.constantFrom(...OFFICES), { nil: null }),
  }),
  fc.record({ kind: fc.constant("notification-settings" as const), userId: ids }),
  fc.record({
    kind: fc.constant("review" as const),
    desk: fc.constantFrom("caseworker", ...OFFICES),
    supervisingOffice: fc.option(fc.constantFrom(...OFFICES), { nil: null }),
    refusedById: fc.option(ids, { nil: null }),
  }),
  fc.record({ kind: fc.constant("rectification" as const), office: fc.constantFrom(...OFFICES) }),
  fc.record({
    kind: fc.constant("statistics" as const),
    office: fc.option(fc.constantFrom(...OFFICES), { nil: null }),
  }),
);

const action = fc.constantFrom(...ACTIONS);

/** Runs `check` over every role × resource × department × action the generators produce. */
const forAll = (check: (a: Actor, act: Action, r: Resource) => void) =>
  fc.assert(
    fc.property(actor, action, resource, (a, act, r) => {
      check(a, act, r);
    }),
    { numRuns: 2000 },
  );
const allowed = (a: Actor | null, act: Action, r: Resource) => decide(a, act, r).allowed;

describe("authorisation, over role × resource × department", () => {
  it("nobody signed out is allowed anything", () => {
    forAll((_a, act, r) => expect(allowed(null, act, r)).toBe(false));
  });

  it("a citizen reaches only their own cases (while the mandate they applied under holds), the cases about them, their messages and mandates, and nothing staff-side", () => {
    forAll((a, act, r) => {
      if (a.role !== "CITIZEN" || !allowed(a, act, r)) return;
      if (r.kind === "notification" || r.kind === "notification-settings") return expect(r.userId).toBe(a.id);
      if (r.kind === "mandate") {
        expect(r.grantorId).toBe(a.id);
        if (act === "grant") expect(r.source).toBe("PORTAL");
        return expect(["grant", "revoke"]).toContain(act);
      }
      expect(r.kind).toBe("case");
      if (r.kind !== "case") return;
      expect((r.citizenId === a.id && r.representativeActive !== false) || r.subjectUserId === a.id).toBe(true);
      expect(["decide", "resolve", "claim", "list"]).not.toContain(act);
    });
  });

  it("a refusal is reviewed only by another member of its desk or an officer of the supervising office, never by the one who refused", () => {
    forAll((a, act, r) => {
      if (r.kind !== "review" || !allowed(a, act, r)) return;
      expect(["read", "review"]).toContain(act);
      expect(r.refusedById).not.toBe(a.id);
      if (r.desk === "caseworker") expect(a.role).toBe("CASEWORKER");
      else {
        expect(a.role).toBe("OFFICER");
        expect([r.desk, r.supervisingOffice]).toContain(a.departmentCode);
      }
    });
  });

  it("an applicant acting under a revoked or expired mandate reaches the case no more; the represented person does", () => {
    const citizen: Actor = { id: "u1", role: "CITIZEN", departmentCode: null };
    const under = (representativeActive: boolean): Resource => ({
      kind: "case",
      citizenId: "u1",
      hasExceptions: false,
      subjectUserId: "u2",
      representativeActive,
    });
    expect(allowed(citizen, "read", under(true))).toBe(true);
    expect(allowed(citizen, "read", under(false))).toBe(false);
    expect(allowed(citizen, "cancel", under(false))).toBe(false);
    expect(allowed({ ...citizen, id: "u2" }, "read", under(false))).toBe(true);
    expect(allowed({ ...citizen, id: "u3" }, "read", under(true))).toBe(false);
  });

  it("a mandate is granted in the portal by its grantor, registered from a notarised paper by a caseworker, and revoked by either", () => {
    const citizen: Actor = { id: "u1", role: "CITIZEN", departmentCode: null };
    const caseworker: Actor = { id: "c1", role: "CASEWORKER", departmentCode: null };
    expect(allowed(citizen, "grant", { kind: "mandate", grantorId: "u1", source: "PORTAL" })).toBe(true);
    expect(allowed(citizen, "grant", { kind: "mandate", grantorId: "u2", source: "PORTAL" })).toBe(false);
    expect(allowed(citizen, "grant", { kind: "mandate", grantorId: "u1", source: "NOTARISED" })).toBe(false);
    expect(allowed(citizen, "revoke", { kind: "mandate", grantorId: "u1", source: "NOTARISED" })).toBe(true);
    expect(allowed(citizen, "revoke", { kind: "mandate", grantorId: "u2", source: "PORTAL" })).toBe(false);
    expect(allowed(caseworker, "grant", { kind: "mandate", grantorId: null, source: "NOTARISED" })).toBe(true);
    expect(allowed(caseworker, "grant", { kind: "mandate", grantorId: "u1", source: "PORTAL" })).toBe(false);
    expect(
      allowed({ id: "o1", role: "OFFICER", departmentCode: "health" }, "grant", {
        kind: "mandate",
        grantorId: null,
        source: "NOTARISED",
      }),
    ).toBe(false);
  });

  it("an officer reaches only their own office's steps, and only the evidence the service grants that step", () => {
    forAll((a, act, r) => {
      // Their own messages are everyone's (see the messages property).
      // An invitation is taken up by the person it was made for, office or none.
      if (
        a.role !== "OFFICER" ||
        !allowed(a, act, r) ||
        r.kind === "notification" ||
        r.kind === "notification-settings" ||
        r.kind === "invitation"
      )
        return;
      expect(a.departmentCode).not.toBeNull();
      if (r.kind === "task") expect(r.office).toBe(a.departmentCode);
      if (r.kind === "task" && act === "read") expect(r.offered).toBe(true);
      if (r.kind === "evidence") {
        expect(r.office).toBe(a.departmentCode);
        expect(r.grantedTo).toContain(r.recordType);
        expect(r.offered).toBe(true);
      }
      expect(r.kind).not.toBe("case");
      expect(r.kind).not.toBe("exception");
    });
  });

  it("a caseworker reaches cases only when they have exceptions, and never decides a department step", () => {
    forAll((a, act, r) => {
      if (a.role !== "CASEWORKER" || !allowed(a, act, r)) return;
      if (r.kind === "case") expect(r.hasExceptions).toBe(true);
      expect(act).not.toBe("decide");
      expect(r.kind).not.toBe("task");
    });
  });

  it("a caseworker never resolves or claims an exception another caseworker holds", () => {
    forAll((a, act, r) => {
      if (r.kind !== "exception" || !allowed(a, act, r) || act === "read") return;
      expect(r.claimedById === null || r.claimedById === a.id).toBe(true);
    });
  });

  it("only the acting roles change cases: administrators only read them, and change staff accounts, offices and calendar days", () => {
    forAll((a, act, r) => {
      if (a.role !== "ADMIN" || !allowed(a, act, r) || ["read", "list"].includes(act)) return;
      if (act === "accept") expect(r).toEqual({ kind: "invitation", userId: a.id });
      else if (act === "decode") expect(r.kind).toBe("payloads");
      else if (r.kind === "office") expect(["create", "change", "delete"]).toContain(act);
      else if (r.kind === "notification" || r.kind === "notification-settings") expect(r.userId).toBe(a.id);
      else if (r.kind === "calendar-day") expect(["change", "delete"]).toContain(act);
      else
        expect([r.kind, ["reset", "invite", "change", "deactivate", "reactivate"].includes(act)]).toEqual([
          "account",
          true,
        ]);
    });
  });

  it("an invitation is taken up only by the member of staff it names, and taking it up is all it allows", () => {
    forAll((a, act, r) => {
      if (act !== "accept" && r.kind !== "invitation") return;
      expect(allowed(a, act, r)).toBe(
        act === "accept" && r.kind === "invitation" && r.userId === a.id && a.role !== "CITIZEN",
      );
    });
  });

  it("only administrators manage staff accounts, offices and calendar days, or see the offices, services and calendar pages", () => {
    forAll((a, act, r) => {
      const admin =
        r.kind === "account" ||
        r.kind === "office" ||
        r.kind === "calendar-day" ||
        (r.kind === "queue" && (r.name === "offices" || r.name === "services" || r.name === "calendar"));
      if (r.kind === "calendar-day" && allowed(a, act, r)) expect(["change", "delete"]).toContain(act);
      if (!admin || !allowed(a, act, r)) return;
      expect(a.role).toBe("ADMIN");
      if (r.kind === "account") expect(r.role).not.toBe("CITIZEN");
      if (r.kind === "queue") expect(["read", "list"]).toContain(act);
    });
    const admin: Actor = { id: "u1", role: "ADMIN", departmentCode: null };
    for (const act of ["invite", "change", "deactivate", "reactivate"] as const) {
      expect(allowed(admin, act, { kind: "account", role: "OFFICER" })).toBe(true);
      expect(allowed(admin, act, { kind: "account", role: "CITIZEN" })).toBe(false);
    }
    expect(allowed(admin, "create", { kind: "office", code: "health" })).toBe(true);
    for (const role of ["CITIZEN", "CASEWORKER", "OFFICER"] as const) {
      const other: Actor = { id: "u2", role, departmentCode: role === "OFFICER" ? "health" : null };
      expect(allowed(other, "invite", { kind: "account", role: "OFFICER" })).toBe(false);
      expect(allowed(other, "change", { kind: "office", code: "health" })).toBe(false);
      expect(allowed(other, "delete", { kind: "office", code: "health" })).toBe(false);
      expect(allowed(other, "list", { kind: "queue", name: "offices" })).toBe(false);
      expect(allowed(other, "list", { kind: "queue", name: "services" })).toBe(false);
      expect(allowed(other, "list", { kind: "queue", name: "calendar" })).toBe(false);
      expect(allowed(other, "change", { kind: "calendar-day", day: "2027-10-01" })).toBe(false);
    }
    expect(allowed(admin, "change", { kind: "calendar-day", day: "2027-10-01" })).toBe(true);
  });

  it("only administrators see the whole access ledger, and only to read it", () => {
    forAll((a, act, r) => {
      if (r.kind !== "queue" || r.name !== "ledger" || !allowed(a, act, r)) return;
      expect(a.role).toBe("ADMIN");
      expect(["read", "list"]).toContain(act);
    });
    const admin: Actor = { id: "u1", role: "ADMIN", departmentCode: null };
    expect(allowed(admin, "list", { kind: "queue", name: "ledger" })).toBe(true);
    for (const role of ["CITIZEN", "CASEWORKER", "OFFICER"] as const) {
      expect(
        allowed({ id: "u1", role, departmentCode: role === "OFFICER" ? "health" : null }, "list", {
          kind: "queue",
          name: "ledger",
        }),
      ).toBe(false);
    }
  });

  it("only administrators see staff accounts or reset a second factor, and never a citizen's", () => {
    forAll((a, act, r) => {
      const accounts = r.kind === "account" || (r.kind === "queue" && r.name === "accounts");
      if (!accounts || !allowed(a, act, r)) return;
      expect(a.role).toBe("ADMIN");
      if (r.kind === "account") expect(r.role).not.toBe("CITIZEN");
    });
    const admin: Actor = { id: "u1", role: "ADMIN", departmentCode: null };
    expect(allowed(admin, "reset", { kind: "account", role: "OFFICER" })).toBe(true);
    expect(allowed(admin, "list", { kind: "queue", name: "accounts" })).toBe(true);
    expect(allowed(admin, "reset", { kind: "account", role: "CITIZEN" })).toBe(false);
    expect(
      allowed({ id: "u2", role: "CASEWORKER", departmentCode: null }, "reset", { kind: "account", role: "OFFICER" }),
    ).toBe(false);
  });

  it("an office's shared data is read only by its own officers and by administrators, and only read", () => {
    forAll((a, act, r) => {
      if (r.kind !== "shared-data" || !allowed(a, act, r)) return;
      expect(["read", "list"]).toContain(act);
      expect(["OFFICER", "ADMIN"]).toContain(a.role);
      if (a.role === "OFFICER") expect(r.office).toBe(a.departmentCode);
    });
    forAll((a, act, r) => {
      if (r.kind !== "shared-data" || !["read", "list"].includes(act)) return;
      expect(allowed(a, act, r)).toBe(a.role === "ADMIN" || (a.role === "OFFICER" && a.departmentCode === r.office));
    });
    const healthOfficer: Actor = { id: "u1", role: "OFFICER", departmentCode: "health" };
    expect(allowed(healthOfficer, "list", { kind: "shared-data", office: "health" })).toBe(true);
    expect(allowed(healthOfficer, "list", { kind: "shared-data", office: "taxation" })).toBe(false);
    expect(
      allowed({ id: "u1", role: "OFFICER", departmentCode: null }, "list", { kind: "shared-data", office: "health" }),
    ).toBe(false);
    expect(
      allowed({ id: "u2", role: "ADMIN", departmentCode: null }, "list", { kind: "shared-data", office: "taxation" }),
    ).toBe(true);
    expect(
      allowed({ id: "u3", role: "CITIZEN", departmentCode: null }, "list", { kind: "shared-data", office: "health" }),
    ).toBe(false);
    expect(
      allowed({ id: "u3", role: "CASEWORKER", departmentCode: null }, "list", {
        kind: "shared-data",
        office: "health",
      }),
    ).toBe(false);
  });

  it("a rectification is read and answered only by its own office's officers; administrators only read it", () => {
    forAll((a, act, r) => {
      if (r.kind !== "rectification" || !allowed(a, act, r)) return;
      expect(["OFFICER", "ADMIN"]).toContain(a.role);
      if (a.role === "OFFICER")
        expect([r.office, ["read", "list", "reply"].includes(act)]).toEqual([a.departmentCode, true]);
      else expect(["read", "list"]).toContain(act);
    });
    const health: Actor = { id: "u1", role: "OFFICER", departmentCode: "health" };
    expect(allowed(health, "reply", { kind: "rectification", office: "health" })).toBe(true);
    expect(allowed(health, "reply", { kind: "rectification", office: "taxation" })).toBe(false);
    expect(
      allowed({ id: "u2", role: "ADMIN", departmentCode: null }, "reply", { kind: "rectification", office: "health" }),
    ).toBe(false);
    expect(
      allowed({ id: "u3", role: "CITIZEN", departmentCode: null }, "read", { kind: "rectification", office: "health" }),
    ).toBe(false);
  });

  it("detailed statistics are read only: an office's own by its officers, any (or all) by administrators", () => {
    forAll((a, act, r) => {
      if (r.kind !== "statistics" || !allowed(a, act, r)) return;
      expect(act).toBe("read");
      expect(["OFFICER", "ADMIN"]).toContain(a.role);
      if (a.role === "OFFICER") expect(r.office).toBe(a.departmentCode);
    });
    expect(
      allowed({ id: "u1", role: "OFFICER", departmentCode: "health" }, "read", { kind: "statistics", office: null }),
    ).toBe(false);
    expect(
      allowed({ id: "u2", role: "ADMIN", departmentCode: null }, "read", { kind: "statistics", office: null }),
    ).toBe(true);
    expect(
      allowed({ id: "u3", role: "CASEWORKER", departmentCode: null }, "read", { kind: "statistics", office: "health" }),
    ).toBe(false);
  });

  it("only caseworkers and administrators decode Temporal payloads, and decode nothing else", () => {
    forAll((a, act, r) => {
      if (r.kind === "payloads" && allowed(a, act, r)) {
        expect(["CASEWORKER", "ADMIN"]).toContain(a.role);
        expect(act).toBe("decode");
      }
      if (act === "decode")
        expect(allowed(a, act, r)).toBe(r.kind === "payloads" && (a.role === "CASEWORKER" || a.role === "ADMIN"));
    });
    expect(
      allowed({ id: "u1", role: "CASEWORKER", departmentCode: null }, "decode", {
        kind: "payloads",
        namespace: "default",
      }),
    ).toBe(true);
    expect(
      allowed({ id: "u1", role: "OFFICER", departmentCode: "health" }, "decode", {
        kind: "payloads",
        namespace: "default",
      }),
    ).toBe(false);
    expect(allowed(null, "decode", { kind: "payloads", namespace: "default" })).toBe(false);
  });

  it("a reveal shows only a field the viewer's work already shows masked: an officer on her office's offered task, a caseworker on the exception", () => {
    forAll((a, act, r) => {
      if (act === "reveal" && allowed(a, act, r)) {
        expect(r.kind).toBe("sensitive-field");
        if (r.kind !== "sensitive-field") return;
        expect(r.granted).toBe(true);
        if (r.via === "task") {
          expect(a).toMatchObject({ role: "OFFICER", departmentCode: r.office });
          expect(r.offered).toBe(true);
        }
        if (r.via === "exception") expect(a.role).toBe("CASEWORKER");
      }
      if (r.kind === "sensitive-field" && allowed(a, act, r)) expect(act).toBe("reveal");
    });
  });

  it("only the citizen whose case it is, or whom it is about, downloads its documents", () => {
    forAll((a, act, r) => {
      if (act !== "download" || !allowed(a, act, r)) return;
      expect(a.role).toBe("CITIZEN");
      expect(r.kind).toBe("case");
      if (r.kind !== "case") return;
      // The applicant while her mandate holds, or the represented person (代办): as for every citizen action.
      expect((r.citizenId === a.id && r.representativeActive !== false) || r.subjectUserId === a.id).toBe(true);
    });
    const represented: Resource = { kind: "case", citizenId: "u1", hasExceptions: false, subjectUserId: "u2" };
    expect(allowed({ id: "u2", role: "CITIZEN", departmentCode: null }, "download", represented)).toBe(true);
    const mandateEnded: Resource = { ...represented, representativeActive: false };
    expect(allowed({ id: "u1", role: "CITIZEN", departmentCode: null }, "download", mandateEnded)).toBe(false);
    const owner: Actor = { id: "u1", role: "CITIZEN", departmentCode: null };
    const other: Actor = { id: "u2", role: "CITIZEN", departmentCode: null };
    const caseworker: Actor = { id: "u3", role: "CASEWORKER", departmentCode: null };
    const withExceptions: Resource = { kind: "case", citizenId: "u1", hasExceptions: true };
    expect(allowed(owner, "download", withExceptions)).toBe(true);
    expect(allowed(other, "download", withExceptions)).toBe(false);
    expect(allowed(caseworker, "read", withExceptions)).toBe(true);
    expect(allowed(caseworker, "download", withExceptions)).toBe(false);
  });

  it("grants what each role needs", () => {
    const citizen: Actor = { id: "u1", role: "CITIZEN", departmentCode: null };
    const officer: Actor = { id: "u2", role: "OFFICER", departmentCode: "health" };
    const caseworker: Actor = { id: "u3", role: "CASEWORKER", departmentCode: null };
    expect(allowed(citizen, "cancel", { kind: "case", citizenId: "u1", hasExceptions: false })).toBe(true);
    expect(allowed(citizen, "read", { kind: "case", citizenId: "u2", hasExceptions: true })).toBe(false);
    expect(allowed(officer, "decide", { kind: "task", office: "health", offered: true })).toBe(true);
    expect(allowed(officer, "decide", { kind: "task", office: "taxation", offered: true })).toBe(false);
    expect(allowed(officer, "read", { kind: "task", office: "health", offered: true })).toBe(true);
    expect(allowed(officer, "read", { kind: "task", office: "health", offered: false })).toBe(false);
    expect(
      allowed(officer, "read", {
        kind: "evidence",
        office: "health",
        recordType: "identity",
        grantedTo: ["identity"],
        offered: true,
      }),
    ).toBe(true);
    expect(
      allowed(officer, "read", {
        kind: "evidence",
        office: "health",
        recordType: "identity",
        grantedTo: ["identity"],
        offered: false,
      }),
    ).toBe(false);
    expect(
      allowed(officer, "read", {
        kind: "evidence",
        office: "health",
        recordType: "marriage",
        grantedTo: ["identity"],
        offered: true,
      }),
    ).toBe(false);
    expect(allowed(caseworker, "resolve", { kind: "exception", claimedById: null })).toBe(true);
    expect(allowed(caseworker, "resolve", { kind: "exception", claimedById: "u3" })).toBe(true);
    expect(allowed(caseworker, "resolve", { kind: "exception", claimedById: "u9" })).toBe(false);
    expect(allowed(caseworker, "read", { kind: "exception", claimedById: "u9" })).toBe(true);
    expect(allowed(caseworker, "read", { kind: "case", citizenId: "u1", hasExceptions: false })).toBe(false);
    expect(
      allowed(officer, "reveal", {
        kind: "sensitive-field",
        via: "task",
        office: "health",
        offered: true,
        granted: true,
      }),
    ).toBe(true);
    expect(
      allowed(officer, "reveal", {
        kind: "sensitive-field",
        via: "task",
        office: "health",
        offered: true,
        granted: false,
      }),
    ).toBe(false);
    expect(
      allowed(officer, "reveal", {
        kind: "sensitive-field",
        via: "task",
        office: "taxation",
        offered: true,
        granted: true,
      }),
    ).toBe(false);
    expect(allowed(caseworker, "reveal", { kind: "sensitive-field", via: "exception", granted: true })).toBe(true);
    expect(
      allowed(caseworker, "reveal", {
        kind: "sensitive-field",
        via: "task",
        office: "health",
        offered: true,
        granted: true,
      }),
    ).toBe(false);
    expect(allowed(citizen, "reveal", { kind: "sensitive-field", via: "exception", granted: true })).toBe(false);
  });

  it("a correction task is read and answered only by the officers of the department that holds the record", () => {
    forAll((a, act, r) => {
      if (r.kind !== "correction" || !allowed(a, act, r)) return;
      expect(a.role).toBe("OFFICER");
      expect(a.departmentCode).toBe(r.office);
      expect(["read", "correct"]).toContain(act);
    });
    const officer: Actor = { id: "u2", role: "OFFICER", departmentCode: "health" };
    expect(allowed(officer, "correct", { kind: "correction", office: "health" })).toBe(true);
    expect(allowed(officer, "correct", { kind: "correction", office: "taxation" })).toBe(false);
    expect(
      allowed({ id: "u3", role: "CASEWORKER", departmentCode: null }, "correct", {
        kind: "correction",
        office: "health",
      }),
    ).toBe(false);
    expect(
      allowed({ id: "u1", role: "CITIZEN", departmentCode: null }, "read", { kind: "correction", office: "health" }),
    ).toBe(false);
  });

  it("a message is reached only by the person it is for or its office's officers, and only read, listed or marked read", () => {
    forAll((a, act, r) => {
      if (r.kind !== "notification" || !allowed(a, act, r)) return;
      expect(["read", "list", "mark-read"]).toContain(act);
      expect(
        r.userId === a.id || (a.role === "OFFICER" && a.departmentCode !== null && r.office === a.departmentCode),
      ).toBe(true);
    });
    forAll((a, act, r) => {
      if (r.kind !== "notification-settings" || !allowed(a, act, r)) return;
      expect(r.userId).toBe(a.id);
    });
    expect(
      allowed({ id: "u1", role: "OFFICER", departmentCode: "health" }, "read", {
        kind: "notification",
        userId: null,
        office: "health",
      }),
    ).toBe(true);
    expect(
      allowed({ id: "u1", role: "CASEWORKER", departmentCode: null }, "read", {
        kind: "notification",
        userId: null,
        office: "health",
      }),
    ).toBe(false);
    expect(
      allowed({ id: "u2", role: "CITIZEN", departmentCode: null }, "mark-read", {
        kind: "notification",
        userId: "u1",
        office: null,
      }),
    ).toBe(false);
  });
});
