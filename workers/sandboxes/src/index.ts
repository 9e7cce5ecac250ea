import { DEPARTMENT_CODES, type DepartmentCode } from "@visit-once/workflows/contracts";
import { DEFAULT_SANDBOX_ADMIN_KEY, departmentConnection, sandboxAdminKey } from "@visit-once/workers/env";
import { civilAffairsSandbox } from "./civil-affairs";
import { faultsFromEnv } from "./faults";
import { healthSandbox } from "./health";
import pg from "pg";
import { poolConfig } from "@visit-once/prisma";
import { postgresLookup, sliceFor } from "./department-store";
import { type ParsedCorrection, postgresCorrect } from "./corrections";
import { type Population, emptyPopulation, generatePopulation } from "./population";
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

/** The identity number each department's API is asked about: the key its store is read by. */
const SUBJECT: Record<DepartmentCode, (url: URL) => string | null> = {
  "public-security": (u) => u.searchParams.get("sfzh") ?? pathId(/^\/rkxx\/v1\/persons\/([^/]+)$/, u),
  health: (u) => u.searchParams.get("parentId") ?? u.searchParams.get("guardianId"),
  "civil-affairs": (u) => u.searchParams.get("sfzh"),
  "human-resources": (u) => u.searchParams.get("aac002"),
  taxation: (u) => u.searchParams.get("nsrsbh"),
  "natural-resources": (u) => u.searchParams.get("zjh"),
  "market-regulation": (u) => u.searchParams.get("fddbrzjhm"),
  "medical-security": (u) => pathId(/^\/ybj\/insured\/([^/]+)$/, u),
};

function pathId(pattern: RegExp, url: URL): string | null {
  const match = pattern.exec(url.pathname)?.[1];
  return match ? decodeURIComponent(match) : null;
}

/** A sandbox answering from its department's store: the person's family slice, then the usual handler. */
function storeBacked(
  code: DepartmentCode,
  lookup: (id: string) => Promise<Population>,
  applyCorrection: (c: ParsedCorrection) => Promise<boolean>,
): SandboxDefinition {
  const { credential, correction } = DEFINITIONS[code](emptyPopulation());
  return {
    code,
    credential,
    correction,
    applyCorrection,
    async handle(url) {
      const id = SUBJECT[code](url);
      return DEFINITIONS[code](id ? await lookup(id) : emptyPopulation()).handle(url);
    },
  };
}

/**
 * A sandbox answering from its own view of a population in memory (tests): its corrections
 * change only that view, as a correction changes only the department's own store.
 */
function inMemory(code: DepartmentCode, population: Population): SandboxDefinition {
  const view = sliceFor(code, population);
  let current = DEFINITIONS[code](view);
  return {
    code,
    credential: current.credential,
    correction: current.correction,
    handle: (url) => current.handle(url),
    async applyCorrection(c) {
      const applied = c.apply(view);
      if (applied) current = DEFINITIONS[code](view);
      return applied;
    },
  };
}

export const DEFAULT_ADMIN_KEY = DEFAULT_SANDBOX_ADMIN_KEY;
/** How the sandboxes' connections name themselves to PostgreSQL (pg_stat_activity). */
export const SANDBOX_POOL_NAME = "visit-once-sandboxes";

/**
 * Starts every department's sandbox on the port of its URL (port 0 in tests: any free
 * port), answering from the department stores in `storeDatabaseUrl` or, for tests, from a
 * population in memory.
 */
export async function startDepartmentSandboxes(
  options: {
    env?: NodeJS.ProcessEnv;
    population?: Population;
    storeDatabaseUrl?: string;
    anyPort?: boolean;
    host?: string;
  } = {},
): Promise<Record<DepartmentCode, RunningSandbox>> {
  const env = options.env ?? process.env;
  const adminKey = sandboxAdminKey(env);
  const pool = options.storeDatabaseUrl
    ? new pg.Pool({ ...poolConfig(options.storeDatabaseUrl), max: 16, application_name: SANDBOX_POOL_NAME })
    : undefined;
  // An idle connection the server drops (a PostgreSQL restart) emits "error"; unheard, it would
  // crash every sandbox. The pool discards that connection and opens a new one for the next request.
  pool?.on("error", (e) =>
    console.error(`department store connection lost (${e.message}); reconnecting on the next request`),
  );
  const population = pool ? undefined : (options.population ?? generatePopulation({ families: 1000 }));
  const started: Partial<Record<DepartmentCode, RunningSandbox>> = {};
  try {
    for (const code of DEPARTMENT_CODES) {
      const { url, key } = departmentConnection(code, env);
      const definition = pool
        ? storeBacked(code, postgresLookup(pool, code), postgresCorrect(pool, code))
        : inMemory(code, population!);
      started[code] = await startSandbox(definition, {
        port: options.anyPort ? 0 : Number(new URL(url).port),
        key,
        adminKey,
        faults: faultsFromEnv(code, env.VO_SANDBOX_FAULTS),
        host: options.host,
      });
    }
  } catch (e) {
    await Promise.all(Object.values(started).map((s) => s.close()));
    await pool?.end();
    throw e;
  }
  if (pool) {
    // The store's pool ends once every sandbox reading from it has closed.
    let open = DEPARTMENT_CODES.length;
    for (const sandbox of Object.values(started)) {
      const close = sandbox.close;
      sandbox.close = async () => {
        await close();
        if (--open === 0) await pool.end();
      };
    }
  }
  return started as Record<DepartmentCode, RunningSandbox>;
}

export { generatePopulation, type Population } from "./population";
export type { RunningSandbox } from "./sandbox-server";
