import type { Role } from "@visit-once/prisma";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Action, type Actor, decide, type Resource } from "./policy";

const OFFICES = ["public-security", "health", "taxation", "education"] as const;
const RECORDS = ["identity", "household", "marriage", "tax-clearance"] as const;
const ACTIONS: Action[] = ["read", "list", "cancel", "reply", "dispute", "rate", "download", "decide", "resolve", "claim", "reset", "decode", "reveal"];
const ids = fc.constantFrom("u1", "u2", "u3");

const actor: fc.Arbitrary<Actor> = fc.record({
  id: ids,
  role: fc.constantFrom("CITIZEN", "CASEWORKER", "OFFICER", "ADMIN" as const),
  departmentCode: fc.option(fc.constantFrom(...OFFICES), { nil: null }),
});

const resource: fc.Arbitrary<Resource> = fc.oneof(
  fc.record({ kind: fc.constant("case" as const), citizenId: ids, hasExceptions: fc.boolean() }),
  fc.record({ kind: fc.constant("task" as const), office: fc.constantFrom(...OFFICES), offered: fc.boolean() }),
  fc.record({
    kind: fc.constant("evidence" as const),
    office: fc.constantFrom(...OFFICES),
    recordType: fc.constantFrom(...RECORDS),
    grantedTo: fc.subarray([...RECORDS]),
    offered: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("exception" as const), claimedById: fc.option(ids, { nil: null }) }),
  fc.record({ kind: fc.constant("sensitive-field" as const), via: fc.constant("task" as const), office: fc.constantFrom(...OFFICES), offered: fc.boolean(), granted: fc.boolean() }),
  fc.record({ kind: fc.constant("sensitive-field" as const), via: fc.constant("exception" as const), granted: fc.boolean() }),
  fc.record({ kind: fc.constant("account" as const), role: fc.constantFrom<Role[]>("CITIZEN", "CASEWORKER", "OFFICER", "ADMIN") }),
  fc.record({ kind: fc.constant("payloads" as const), namespace: fc.constantFrom("default", "other") }),
  fc.record({ kind: fc.constant("shared-data" as const), office: fc.constantFrom(...OFFICES) }),
  fc.record({
    kind: fc.constant("queue" as const),
    name: fc.constantFrom<("exceptions" | "tasks" | "board" | "audit" | "accounts" | "ledger")[]>("exceptions", "tasks", "board", "audit", "accounts", "ledger"),
  }),
);

const action = fc.constantFrom(...ACTIONS);

/** Runs `check` over every role × resource × department × action the generators produce. */
const forAll = (check: (a: Actor, act: Action, r: Resource) => void) => fc.assert(fc.property(actor, action, resource, (a, act, r) => {
        check(a, act, r);
      }), { numRuns: 2000 });
const allowed = (a: Actor | null, act: Action, r: Resource) => decide(a, act, r).allowed;

describe("authorisation, over role × resource × department", () => {
  it("nobody signed out is allowed anything", () => {
    forAll((_a, act, r) => expect(allowed(null, act, r)).toBe(false));
  });

  it("a citizen reaches only their own cases, and nothing staff-side", () => {
    forAll((a, act, r) => {
      if (a.role !== "CITIZEN" || !allowed(a, act, r)) return;
      expect(r).toMatchObject({ kind: "case", citizenId: a.id });
      expect(["decide", "resolve", "claim", "list"]).not.toContain(act);
    });
  });

  it("an officer reaches only their own office's steps, and only the evidence the service grants that step", () => {
    forAll((a, act, r) => {
      if (a.role !== "OFFICER" || !allowed(a, act, r)) return;
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

  it("only the acting roles change cases: administrators only read, and reset a staff account's second factor", () => {
    forAll((a, act, r) => {
      if (a.role !== "ADMIN" || !allowed(a, act, r) || ["read", "list"].includes(act)) return;
      expect([act, r.kind]).toEqual(act === "decode" ? ["decode", "payloads"] : ["reset", "account"]);
    });
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
      expect(allowed({ id: "u1", role, departmentCode: role === "OFFICER" ? "health" : null }, "list", { kind: "queue", name: "ledger" })).toBe(false);
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
    expect(allowed({ id: "u2", role: "CASEWORKER", departmentCode: null }, "reset", { kind: "account", role: "OFFICER" })).toBe(false);
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
    expect(allowed({ id: "u1", role: "OFFICER", departmentCode: null }, "list", { kind: "shared-data", office: "health" })).toBe(false);
    expect(allowed({ id: "u2", role: "ADMIN", departmentCode: null }, "list", { kind: "shared-data", office: "taxation" })).toBe(true);
    expect(allowed({ id: "u3", role: "CITIZEN", departmentCode: null }, "list", { kind: "shared-data", office: "health" })).toBe(false);
    expect(allowed({ id: "u3", role: "CASEWORKER", departmentCode: null }, "list", { kind: "shared-data", office: "health" })).toBe(false);
  });

  it("only caseworkers and administrators decode Temporal payloads, and decode nothing else", () => {
    forAll((a, act, r) => {
      if (r.kind === "payloads" && allowed(a, act, r)) {
        expect(["CASEWORKER", "ADMIN"]).toContain(a.role);
        expect(act).toBe("decode");
      }
      if (act === "decode") expect(allowed(a, act, r)).toBe(r.kind === "payloads" && (a.role === "CASEWORKER" || a.role === "ADMIN"));
    });
    expect(allowed({ id: "u1", role: "CASEWORKER", departmentCode: null }, "decode", { kind: "payloads", namespace: "default" })).toBe(true);
    expect(allowed({ id: "u1", role: "OFFICER", departmentCode: "health" }, "decode", { kind: "payloads", namespace: "default" })).toBe(false);
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

  it("only the citizen whose case it is downloads its documents", () => {
    forAll((a, act, r) => {
      if (act !== "download" || !allowed(a, act, r)) return;
      expect(a.role).toBe("CITIZEN");
      expect(r).toMatchObject({ kind: "case", citizenId: a.id });
    });
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
    expect(allowed(officer, "read", { kind: "evidence", office: "health", recordType: "identity", grantedTo: ["identity"], offered: true })).toBe(true);
    expect(allowed(officer, "read", { kind: "evidence", office: "health", recordType: "identity", grantedTo: ["identity"], offered: false })).toBe(false);
    expect(allowed(officer, "read", { kind: "evidence", office: "health", recordType: "marriage", grantedTo: ["identity"], offered: true })).toBe(false);
    expect(allowed(caseworker, "resolve", { kind: "exception", claimedById: null })).toBe(true);
    expect(allowed(caseworker, "resolve", { kind: "exception", claimedById: "u3" })).toBe(true);
    expect(allowed(caseworker, "resolve", { kind: "exception", claimedById: "u9" })).toBe(false);
    expect(allowed(caseworker, "read", { kind: "exception", claimedById: "u9" })).toBe(true);
    expect(allowed(caseworker, "read", { kind: "case", citizenId: "u1", hasExceptions: false })).toBe(false);
    expect(allowed(officer, "reveal", { kind: "sensitive-field", via: "task", office: "health", offered: true, granted: true })).toBe(true);
    expect(allowed(officer, "reveal", { kind: "sensitive-field", via: "task", office: "health", offered: true, granted: false })).toBe(false);
    expect(allowed(officer, "reveal", { kind: "sensitive-field", via: "task", office: "taxation", offered: true, granted: true })).toBe(false);
    expect(allowed(caseworker, "reveal", { kind: "sensitive-field", via: "exception", granted: true })).toBe(true);
    expect(allowed(caseworker, "reveal", { kind: "sensitive-field", via: "task", office: "health", offered: true, granted: true })).toBe(false);
    expect(allowed(citizen, "reveal", { kind: "sensitive-field", via: "exception", granted: true })).toBe(false);
  });
});
