import { DEPARTMENT_CODES, type DepartmentCode } from "@visit-once/workflows/contracts";
import { departmentConnection } from "../env";
import { civilAffairsSandbox } from "./civil-affairs";
import { faultsFromEnv } from "./faults";
import { healthSandbox } from "./health";
import { type Population, generatePopulation } from "./population";
import { publicSecuritySandbox } from "./public-security";
import { humanResourcesSandbox } from "./human-resources";
import { taxationSandbox } from "./taxation";
import { naturalResourcesSandbox } from "./natural-resources";
import { marketRegulationSandbox } from "./market-regulation";
import { medicalSecuritySandbox } from "./medical-security";
import { type RunningSandbox, type SandboxDefinition, startSandbox } from "./sandbox-server";

const DEFINITIONS: Record<DepartmentCode, (p: Population) => SandboxDefinition> = {
  "public-security": publicSecuritySandbox,
  health: healthSandbox,
  "civil-affairs": civilAffairsSandbox,
  "human-resources": humanResourcesSandbox,
  taxation: taxationSandbox,
  "natural-resources": naturalResourcesSandbox,
  "market-regulation": marketRegulationSandbox,
  "medical-security": medicalSecuritySandbox,
};

export const DEFAULT_ADMIN_KEY = "sandbox-admin";

/** Starts every department's sandbox on the port of its URL (port 0 in tests: any free port). */
export async function startDepartmentSandboxes(
  options: { env?: NodeJS.ProcessEnv; population?: Population; anyPort?: boolean } = {},
): Promise<Record<DepartmentCode, RunningSandbox>> {
  const env = options.env ?? process.env;
  const population = options.population ?? generatePopulation({ families: Number(env.VO_SANDBOX_FAMILIES ?? 1000) });
  const started: Partial<Record<DepartmentCode, RunningSandbox>> = {};
  try {
    for (const code of DEPARTMENT_CODES) {
      const { url, key } = departmentConnection(code, env);
      started[code] = await startSandbox(DEFINITIONS[code](population), {
        port: options.anyPort ? 0 : Number(new URL(url).port),
        key,
        adminKey: env.VO_SANDBOX_ADMIN_KEY ?? DEFAULT_ADMIN_KEY,
        faults: faultsFromEnv(code, env.VO_SANDBOX_FAULTS),
      });
    }
  } catch (e) {
    await Promise.all(Object.values(started).map((s) => s.close()));
    throw e;
  }
  return started as Record<DepartmentCode, RunningSandbox>;
}

export { generatePopulation, type Population } from "./population";
export type { RunningSandbox } from "./sandbox-server";
