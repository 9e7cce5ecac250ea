import type { UpdateDefinition } from "@temporalio/common";
import { setHandler } from "@temporalio/workflow";
import { type ActionResult, type CaseActionArgs, type CaseActionName, caseUpdates } from "./contracts/case-actions";
import type { CaseRun } from "./case-run";

/**
 * Takes case action `name` as its Temporal update: refused before anything changes unless the
 * status table allows it now (a repeated request id is let through, to get the first answer),
 * then `validate`'s own refusals; run once per request id.
 */
export function handleAction<N extends CaseActionName>(
  run: CaseRun,
  name: N,
  act: (args: CaseActionArgs<N>) => Promise<void>,
  validate?: (args: CaseActionArgs<N>) => void,
): void {
  const update = caseUpdates[name] as UpdateDefinition<ActionResult, [CaseActionArgs<N>]>;
  setHandler(update, (a) => run.once(a.requestId, () => act(a)), {
    validator: (a) => {
      if (run.checkAllowed(name, a.requestId)) validate?.(a);
    },
  });
}
