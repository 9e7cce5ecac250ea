import type { DepartmentCode, EvidenceRecord, RecordType } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../env";
import { fetchMarriage } from "./civil-affairs/client";
import { fetchBirthCertificate, fetchVaccination } from "./health/client";
import { fetchHousehold, fetchIdentity } from "./public-security/client";
import { fetchSocialInsurance } from "./human-resources/client";
import { fetchTaxClearance } from "./taxation/client";
import { fetchProperty } from "./natural-resources/client";
import { fetchBusinessRegistration } from "./market-regulation/client";
import { fetchMedicalInsurance } from "./medical-security/client";

type Fetcher = (conn: DepartmentConnection, nationalId: string) => Promise<EvidenceRecord>;

/** Which record types each department's connector can fetch. */
export const CONNECTORS: Record<DepartmentCode, Partial<Record<RecordType, Fetcher>>> = {
  "public-security": { identity: fetchIdentity, household: fetchHousehold },
  health: { "birth-certificate": fetchBirthCertificate, vaccination: fetchVaccination },
  "civil-affairs": { marriage: fetchMarriage },
  "human-resources": { "social-insurance": fetchSocialInsurance },
  taxation: { "tax-clearance": fetchTaxClearance },
  "natural-resources": { property: fetchProperty },
  "market-regulation": { "business-registration": fetchBusinessRegistration },
  "medical-security": { "medical-insurance": fetchMedicalInsurance },
};
