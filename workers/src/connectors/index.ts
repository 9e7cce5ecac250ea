import type { DepartmentCode, EvidenceRecord, RecordType } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../env";
import { fetchMarriage } from "./civil-affairs/client";
import { fetchBirthCertificate } from "./health/client";
import { fetchIdentity } from "./public-security/client";

type Fetcher = (conn: DepartmentConnection, nationalId: string) => Promise<EvidenceRecord>;

/** Which record types each department's connector can fetch. */
export const CONNECTORS: Record<DepartmentCode, Partial<Record<RecordType, Fetcher>>> = {
  "public-security": { identity: fetchIdentity },
  health: { "birth-certificate": fetchBirthCertificate },
  "civil-affairs": { marriage: fetchMarriage },
};
