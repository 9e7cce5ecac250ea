import { businessRegistrationSchema, type EvidenceRecord } from "@visit-once/workflows/contracts";
import type { DepartmentConnection } from "../../env";
import {
  expectRecordStatus,
  invalidData,
  notFound,
  parseNative,
  provenance,
  requestDepartment,
  jsonBody,
} from "../http";
import { mapEntity } from "./mapper";
import { nativeEntitiesSchema } from "./schema";

const DEPT = "market-regulation";

/** The most recently established entity of which the person is the legal representative. */
export async function fetchBusinessRegistration(
  conn: DepartmentConnection,
  nationalId: string,
): Promise<EvidenceRecord> {
  const query = new URLSearchParams({ fddbrzjhm: nationalId });
  // The key goes in a header, never the URL (URLs end up in logs).
  const res = await requestDepartment(DEPT, `${conn.url}/gsxt/v2/entities?${query.toString()}`, {
    "x-access-key": conn.key,
  });
  expectRecordStatus(DEPT, res, "business registration");
  const body = jsonBody(res);
  const entities = parseNative(DEPT, nativeEntitiesSchema, body).data;
  if (entities.length === 0) throw notFound(DEPT, "business registration");
  const foreign = entities.find((e) => e.fddbr_zjhm !== nationalId);
  if (foreign) throw invalidData(DEPT, `entity ${foreign.tyshxydm} has another legal representative`);
  const latest = entities.reduce((a, b) => (b.clrq > a.clrq ? b : a));
  const data = parseNative(DEPT, businessRegistrationSchema, mapEntity(latest));
  return { recordType: "business-registration", data, provenance: provenance(DEPT, latest.tyshxydm, res.body) };
}
