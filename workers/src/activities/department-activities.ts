import { ApplicationFailure } from "@temporalio/common";
import type { DepartmentActivities, DepartmentCode } from "@visit-once/workflows/contracts";
import { CONNECTORS } from "../connectors";
import type { DepartmentConnection } from "../env";

/**
 * A department's activities, bound to that department's connection. Reads only, so
 * Temporal may run them again safely.
 */
export function createDepartmentActivities(code: DepartmentCode, conn: DepartmentConnection): DepartmentActivities {
  return {
    async fetchEvidence({ recordType, subjectNationalId }) {
      const fetcher = CONNECTORS[code][recordType];
      if (!fetcher) {
        throw ApplicationFailure.nonRetryable(`${code} does not provide ${recordType} records`, "UnsupportedRecordType");
      }
      return fetcher(conn, subjectNationalId);
    },
  };
}
