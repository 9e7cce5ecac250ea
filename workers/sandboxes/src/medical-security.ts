import type { SandboxDefinition, SandboxResponse } from "./sandbox-server";
import { type MedicalInsurance, type Population, personAt } from "./population";
import { medicalSecurityCorrection } from "./corrections/medical-security";

export const APP_ID = "visit-once";

/**
 * Medical Security Bureau insured persons (参保人员信息). Native contract: flat JSON with the
 * national medical security platform's field names, times as ISO 8601 timestamps at
 * +08:00, the national insurance type codes (insutype 310 urban employee, 390 urban-rural
 * resident) and insured-state codes (psn_insu_stas 1 active, 2 suspended, 0 terminated).
 * An unknown person is HTTP 404 { code: -1, message: "参保人不存在" }.
 *   GET /ybj/insured/{id}   headers X-App-Id: visit-once, X-App-Key: {key}
 */
export function medicalSecuritySandbox(population: Population): SandboxDefinition {
  const byPerson = new Map<string, MedicalInsurance>(population.medicalInsurance.map((m) => [m.nationalId, m]));
  const json = (status: number, value: unknown): SandboxResponse => ({
    status,
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify(value),
  });
  return {
    code: "medical-security",
    correction: medicalSecurityCorrection,
    credential: (req) =>
      req.headers["x-app-id"] === APP_ID ? (req.headers["x-app-key"] as string | undefined) : undefined,
    handle(url) {
      const match = /^\/ybj\/insured\/([^/]+)$/.exec(url.pathname);
      if (!match) return json(404, { code: -404, message: "接口不存在" });
      const id = decodeURIComponent(match[1]!);
      const p = personAt(population, "medical-security", id);
      const insurance = byPerson.get(id);
      if (!p || !insurance) return json(404, { code: -1, message: "参保人不存在" });
      return json(200, {
        psn_no: `3301${p.nationalId.slice(6, 17)}`,
        certno: p.nationalId,
        psn_name: p.fullName,
        brdy: `${p.birthDate}T00:00:00+08:00`,
        addr: p.address,
        insutype: insurance.scheme === "urban-employee" ? "310" : "390",
        psn_insu_stas: { active: "1", suspended: "2", terminated: "0" }[insurance.status],
        psn_insu_date: `${insurance.enrolledOn}T00:00:00+08:00`,
      });
    },
  };
}
