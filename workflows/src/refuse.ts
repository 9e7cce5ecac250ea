import { ApplicationFailure } from "@temporalio/workflow";
import type { RefusalCode, RefusalParams } from "./contracts/case";

/** Refuses an action (from an update's validator): nothing has changed; the caller gets the code, its values and the English sentence. */
export function refuse(code: RefusalCode, message: string, params: RefusalParams = {}): never {
  throw ApplicationFailure.create({ type: code, message, details: [params], nonRetryable: true });
}
