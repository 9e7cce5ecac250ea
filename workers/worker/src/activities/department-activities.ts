import { Context } from "@temporalio/activity";
import { ApplicationFailure } from "@temporalio/common";
import type { DepartmentActivities, DepartmentCode } from "@visit-once/workflows/contracts";
import { CONNECTORS } from "../connectors";
import { CORRECTORS } from "../connectors/corrections";
import { listBirthCertificates } from "../connectors/health/client";
import type { DepartmentConnection } from "../env";
import { measuredFetch } from "./department-metrics";

/**
 * A department's activities, bound to that department's connection. Reads, and corrections
 * keyed by the correction's id (the same values set again), so Temporal may run them again safely.
 */
export function createDepartmentActivities(code: DepartmentCode, conn: DepartmentConnection): DepartmentActivities {
  return {
    async fetchEvidence({ recordType, subjectNationalId }) {
      const fetcher = CONNECTORS[code][recordType];
      if (!fetcher) {
        throw ApplicationFailure.nonRetryable(
          `${code} does not provide ${recordType} records`,
          "UnsupportedRecordType",
        );
      }
      // A live fetch says so every second: a worker that dies mid-fetch is noticed within the
      // heartbeat timeout (5 s), and its fetch runs again elsewhere, not after the 15 s start-to-close.
      const beat = setInterval(() => heartbeat(), 1000);
      heartbeat();
      try {
        return await measuredFetch(code, recordType, () => fetcher(conn, subjectNationalId));
      } finally {
        clearInterval(beat);
      }
    },
    async correctRecord(input) {
      await CORRECTORS[code](conn, input);
    },
    async listBirthCertificates({ parentNationalId }) {
      if (code !== "health")
        throw ApplicationFailure.nonRetryable(`${code} does not hold birth certificates`, "UnsupportedRecordType");
      return measuredFetch(code, "birth-certificate", () => listBirthCertificates(conn, parentNationalId));
    },
  };
}

/** Heartbeats when run as an activity (tests may call the activities directly). */
function heartbeat(): void {
  try {
    Context.current().heartbeat();
  } catch {
    // not in an activity
  }
}
