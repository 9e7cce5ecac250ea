import { DEPARTMENT_CODES, DEPARTMENTS, departmentUrlEnvName } from "@visit-once/workflows/contracts";

/**
 * Each department's URL variable (VO_DEPT_…_URL) → the base URL of its local sandbox,
 * `offset` ports above the sandbox's usual port (a second stack, such as the tests' or the
 * benchmark's, runs beside `npm start` that way).
 */
export function departmentUrls(offset = 0): Record<string, string> {
  return Object.fromEntries(
    DEPARTMENT_CODES.map((c) => [departmentUrlEnvName(c), `http://127.0.0.1:${DEPARTMENTS[c].sandboxPort + offset}`]),
  );
}

/** Each department's URL variable → the URL set in `source`, else its local sandbox's. */
export function configuredDepartmentUrls(source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(Object.entries(departmentUrls()).map(([name, url]) => [name, source[name] ?? url]));
}
