import { condition } from "@temporalio/workflow";
import { fetchStepKey } from "./contracts/application";
import type { CaseActionArgs } from "./contracts/case-actions";
import type { HarmonisationReport, MissingRecord } from "./contracts/harmonisation";
import type { DepartmentCode } from "./contracts/departments";
import type { RecordType } from "./contracts/records";
import { RECORD_TITLES } from "./contracts/record-titles";
import type { ServiceDefinition } from "./contracts/services";
import { type CaseRun, event, projection } from "./case-run";
import { harmonise } from "./harmonise";
import { notify } from "./notify";
import { handleAction } from "./handle-action";
import { checkText, refuse } from "./refuse";
import { addWorkingDays, cstDay } from "./working-days";

// The preview (issue 13, item 5): before anything reaches a caseworker or an office, the
// citizen sees the values retrieved for her with their sources. She confirms, disputes a
// record (the existing dispute path), or withdraws her consent for a record the service can
// do without; its values then leave the case. Withdrawing a record the service needs is
// refused: the service cannot be done without it, and she may cancel the application instead.

/** Cases started before the preview went from the records straight to the checks; their histories replay so. */
export const PREVIEW_PATCH = "preview";

/**
 * Working days the citizen has to look. Silence then lets the case go on with the consent she
 * gave at submission: the preview is an extra chance to refuse, not a new permission, and closing
 * a case because nobody clicked would cost her the visit the service exists to save.
 */
export const PREVIEW_WORKING_DAYS = 5;

type Evidence = ServiceDefinition["evidence"][number];
type Problem = { department: DepartmentCode; recordType: RecordType; result: { kind: string } };

/** The preview's actions (registered for every case: the status table refuses them outside the preview). */
export function registerPreviewHandlers(run: CaseRun, consented: readonly Evidence[]): void {
  handleAction(run, "confirm", async (a) => {
    // The status moves on at once (a second confirm or a withdrawal is refused from here);
    // the case goes on only once this write has landed, so no later status overtakes it.
    await run.setStatus(
      "RECORDS_READY",
      event(
        { kind: "preview-confirmed" },
        { en: "You confirmed the records retrieved for your application.", zh: "您已确认调取的材料。" },
        a.actorId,
      ),
    );
    run.previewConfirmed = true;
  });
  handleAction(
    run,
    "withdraw",
    (a) => withdraw(run, a),
    (a) => validateWithdrawal(run, consented, a),
  );
}

function validateWithdrawal(
  run: CaseRun,
  consented: readonly Evidence[],
  { recordType }: CaseActionArgs<"withdraw">,
): void {
  checkText(recordType, "short");
  const evidence = consented.find((e) => e.recordType === recordType);
  if (!evidence || run.withdrawn.has(recordType))
    refuse("no-record-to-withdraw", `This case holds no ${recordType} record shared with your consent.`, {
      recordType,
    });
  if (!evidence.optional)
    refuse(
      "record-required",
      `The service cannot be done without the ${recordType} record; to keep it from being used, cancel the application.`,
      { recordType },
    );
}

async function withdraw(run: CaseRun, { recordType, actorId }: CaseActionArgs<"withdraw">): Promise<void> {
  run.withdrawn.add(recordType);
  const at = run.records.findIndex((r) => r.recordType === recordType);
  if (at >= 0) run.records.splice(at, 1);
  run.previewWrites++;
  try {
    const said = event(
      { kind: "consent-withdrawn", recordType },
      {
        en: `You withdrew your consent for the ${recordType} record: its values were removed from your application.`,
        zh: `您已撤回对${RECORD_TITLES[recordType].zh}的授权，相关信息已从申请中删除。`,
      },
      actorId,
    );
    await projection.withdrawEvidence({
      applicationId: run.applicationId,
      recordType,
      stepKey: fetchStepKey(recordType),
      event: said,
    });
  } finally {
    run.previewWrites--;
  }
}

/**
 * Shows the citizen her records and waits for her confirmation, or for the deadline. Returns
 * what the case goes on with: the fetch problems and the harmonisation without the records she
 * withdrew (a record she withdrew is nobody's to check).
 */
export async function previewRecords<P extends Problem>(
  run: CaseRun,
  subjectNationalId: string,
  problems: P[],
): Promise<{ problems: P[]; report: HarmonisationReport }> {
  const dueAt = addWorkingDays(Date.now(), PREVIEW_WORKING_DAYS, await run.workingCalendar());
  const dueDay = cstDay(dueAt);
  const ready = event(
    { kind: "preview-ready", dueDay },
    {
      en: `Your records are ready: check them and confirm by ${dueDay}.`,
      zh: `您的材料已调取，请于${dueDay}前核对确认。`,
    },
  );
  await run.setStatus("AWAITING_CONFIRMATION", ready);
  await notify(run.applicationId, ready, "preview-ready", { dueDay }, [{ citizen: true }]);
  const settled = () => run.previewConfirmed && run.previewWrites === 0;
  if (!(await condition(settled, Math.max(0, dueAt - Date.now())))) {
    if (run.status === "AWAITING_CONFIRMATION") {
      await run.setStatus(
        "RECORDS_READY",
        event(
          { kind: "preview-lapsed", dueDay },
          {
            en: `There was no confirmation by ${dueDay}: your application goes on with the records you agreed to share when you applied.`,
            zh: `您未在${dueDay}前确认，申请将按提交时授权共享的材料继续办理。`,
          },
        ),
      );
      run.previewConfirmed = true;
    }
    // A confirmation or withdrawal under way as the deadline passed finishes first.
    await condition(settled);
  }
  const kept = problems.filter((p) => !run.withdrawn.has(p.recordType));
  const missing: MissingRecord[] = kept
    .filter((p) => p.result.kind === "missing")
    .map(({ recordType, department }) => ({ recordType, department }));
  return { problems: kept, report: harmonise(subjectNationalId, run.records, missing) };
}
