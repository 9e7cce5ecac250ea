import { type Client, WorkflowNotFoundError } from "@temporalio/client";
import type { Db, ExceptionStatus, StepStatus } from "@visit-once/prisma";
import type { FieldCipher } from "@visit-once/prisma/at-rest";
import {
  applicationWorkflowId,
  caseStartInput,
  caseStartOptions,
  findService,
  isCaseStatus,
  type ReconcileReport,
  type RecordType,
  type RepairKind,
  type ServiceCode,
} from "@visit-once/workflows/contracts";
import { transition } from "../activities/case-status";
import { type Disagreement, reconcileCases } from "./reconcile-cases";

// One pass of the reconcile schedule: every application gets its case, and what the pages show
// is set to what the case says. Each repair is logged (case id and kind only: no personal data)
// and counted in ReconcileRepair, which `countReconcileRepairs` reads (for metrics).

export interface RepairOptions {
  /** An outbox entry younger than this is the submission's own to start; the pass leaves it. */
  outboxGraceMs?: number;
  /** How long a disagreement must last to be repaired (the projection trails by milliseconds). */
  settleMs?: number;
  log?: (line: string) => void;
  /** Only these applications (tests sharing one database with other files' cases); all by default. */
  applicationIds?: () => readonly string[];
}

const STEP_STATUSES: readonly string[] = [
  "PENDING",
  "RUNNING",
  "DONE",
  "FAILED",
  "AWAITING_DECISION",
  "AWAITING_CITIZEN",
  "REJECTED",
  "REVOKED",
  "CANCELLED",
];
const EXCEPTION_STATUSES: readonly string[] = ["OPEN", "WAITING_CITIZEN", "REFETCHING", "AT_DEPARTMENT", "RESOLVED"];

/** The record types an application consented to, whichever shape its consent was stored in. */
function consentedRecordTypes(consent: unknown, serviceCode: ServiceCode): RecordType[] {
  const list = Array.isArray(consent)
    ? consent
    : ((consent as { records?: unknown; recordTypes?: unknown } | null)?.records ??
      (consent as { recordTypes?: unknown } | null)?.recordTypes);
  const types = Array.isArray(list)
    ? list
        .map((r) => (typeof r === "string" ? r : (r as { recordType?: unknown })?.recordType))
        .filter((r): r is string => typeof r === "string")
    : [];
  const evidence = findService(serviceCode)!.evidence.map((e) => e.recordType);
  const consented = evidence.filter((r) => types.includes(r));
  // Submission refuses anything short of every record, so an unreadable consent means all of them.
  return consented.length > 0 ? consented : evidence;
}

/**
 * Starts the case of an application from its row, unless its workflow exists already.
 * "started": it did not exist; "existed"; "gone": no such application (or no identity number).
 */
export async function startCaseFromRow(
  db: Db,
  client: Client,
  cipher: FieldCipher,
  applicationId: string,
): Promise<"started" | "existed" | "gone"> {
  const app = await db.application.findUnique({
    where: { id: applicationId },
    select: { serviceCode: true, consent: true, subjectNationalId: true, citizen: { select: { nationalId: true } } },
  });
  const service = app ? findService(app.serviceCode) : undefined;
  if (!app || !service || !app.citizen.nationalId) return "gone";
  try {
    await client.workflow.getHandle(applicationWorkflowId(applicationId)).describe();
    return "existed";
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) throw err;
  }
  const serviceCode = service.code as ServiceCode;
  // Acting for someone else: the case is the represented person's, and so are its records.
  const subjectNationalId = cipher.open(app.subjectNationalId ?? app.citizen.nationalId);
  const input = caseStartInput({
    applicationId,
    serviceCode,
    subjectNationalId,
    consent: consentedRecordTypes(app.consent, serviceCode),
  });
  try {
    await client.workflow.start("applicationWorkflow", caseStartOptions(input));
  } catch (err) {
    // The submission (or another pass) started it in between.
    if ((err as Error).name === "WorkflowExecutionAlreadyStartedError") return "existed";
    throw err;
  }
  return "started";
}

/** One reconcile pass: the outbox first, then every open case's projection against its workflow. */
export async function repairCases(
  db: Db,
  client: Client,
  cipher: FieldCipher,
  { outboxGraceMs = 30_000, settleMs = 10_000, log = console.log, applicationIds }: RepairOptions = {},
): Promise<ReconcileReport> {
  const scope = applicationIds?.();
  const only = scope ? { applicationId: { in: [...scope] } } : {};
  const repaired: Partial<Record<RepairKind, number>> = {};
  let unrepaired = 0;
  const record = async (kind: RepairKind, applicationId: string, detail: string) => {
    await db.reconcileRepair.create({ data: { kind, applicationId, detail } });
    repaired[kind] = (repaired[kind] ?? 0) + 1;
    log(`reconcile: repaired ${kind} case ${applicationId} (${detail})`);
  };

  // 1. Starts the submissions left behind. A failed start stays for the next pass.
  const before = new Date(Date.now() - outboxGraceMs);
  const pending = await db.caseStartOutbox.findMany({
    where: { createdAt: { lt: before }, ...only },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  for (const { applicationId } of pending) {
    try {
      const outcome = await startCaseFromRow(db, client, cipher, applicationId);
      await db.caseStartOutbox.delete({ where: { applicationId } });
      if (outcome === "started") await record("workflow-started", applicationId, "from the outbox");
    } catch (err) {
      await db.caseStartOutbox.update({
        where: { applicationId },
        data: { attempts: { increment: 1 }, lastAttemptAt: new Date() },
      });
      log(`reconcile: could not start case ${applicationId} yet: ${(err as Error).name}`);
    }
  }

  // 2. What the pages show against what the cases say.
  const young = new Set(
    (await db.caseStartOutbox.findMany({ where: only, select: { applicationId: true } })).map((o) => o.applicationId),
  );
  const { checked, disagreements } = await reconcileCases(db, client, { settleMs, applicationIds: scope });
  for (const d of disagreements) {
    if (young.has(d.applicationId)) continue;
    if (await repair(db, client, cipher, d, record)) continue;
    unrepaired++;
    log(`reconcile: cannot repair case ${d.applicationId}: ${d.what} (workflow: ${d.workflow}, page: ${d.projection})`);
  }
  return { checked, repaired, unrepaired };
}

/** Sets the page's copy to the workflow's, guarded on the value seen, so a projection write in between wins. */
async function repair(
  db: Db,
  client: Client,
  cipher: FieldCipher,
  d: Disagreement,
  record: (kind: RepairKind, applicationId: string, detail: string) => Promise<void>,
): Promise<boolean> {
  const [what, key] = [d.what.split(" ")[0], d.what.slice(d.what.indexOf(" ") + 1)];
  switch (what) {
    case "workflow": {
      if (d.workflow !== "none") return false;
      const outcome = await startCaseFromRow(db, client, cipher, d.applicationId);
      if (outcome === "started") await record("workflow-started", d.applicationId, "open row without a workflow");
      return outcome !== "gone";
    }
    case "status": {
      if (!isCaseStatus(d.workflow) || !isCaseStatus(d.projection)) return false;
      const { count } = await transition(db, d.applicationId, d.workflow, { from: [d.projection] });
      if (count === 1) await record("projection-status", d.applicationId, `${d.projection} -> ${d.workflow}`);
      return true;
    }
    case "step": {
      if (d.projection === "missing" || !STEP_STATUSES.includes(d.workflow)) return false;
      const { count } = await db.applicationStep.updateMany({
        where: { applicationId: d.applicationId, key, status: d.projection as StepStatus },
        data: { status: d.workflow as StepStatus },
      });
      if (count === 1) await record("projection-step", d.applicationId, `${key}: ${d.projection} -> ${d.workflow}`);
      return true;
    }
    case "exception": {
      if (d.projection === "missing" || !EXCEPTION_STATUSES.includes(d.workflow)) return false;
      const { count } = await db.caseException.updateMany({
        where: { id: key, applicationId: d.applicationId, status: d.projection as ExceptionStatus },
        data: { status: d.workflow as ExceptionStatus },
      });
      if (count === 1)
        await record("projection-exception", d.applicationId, `${key}: ${d.projection} -> ${d.workflow}`);
      return true;
    }
    case "stuck-write":
      // Nothing to write in its place: the workflow retries it. Counted so an operator sees it.
      await record("stuck-write", d.applicationId, `${key} ${d.workflow}`);
      return true;
    default:
      return false;
  }
}

/** Repairs made since `since` (all time by default), by kind: what a metrics exporter reads. */
export async function countReconcileRepairs(db: Db, since?: Date): Promise<Partial<Record<RepairKind, number>>> {
  const rows = await db.reconcileRepair.groupBy({
    by: ["kind"],
    where: since ? { at: { gte: since } } : {},
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.kind, r._count._all]));
}
