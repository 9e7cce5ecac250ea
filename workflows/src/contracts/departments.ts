/** The departments whose systems the orchestrator reads, and the queue each one's worker polls. */
export const DEPARTMENTS = {
  "public-security": { name: { en: "Public Security Bureau", zh: "公安局" }, sandboxPort: 4101 },
  health: { name: { en: "Health Commission", zh: "卫生健康委员会" }, sandboxPort: 4102 },
  "civil-affairs": { name: { en: "Civil Affairs Bureau", zh: "民政局" }, sandboxPort: 4103 },
} as const;

export type DepartmentCode = keyof typeof DEPARTMENTS;
export const DEPARTMENT_CODES = Object.keys(DEPARTMENTS) as DepartmentCode[];

export function isDepartmentCode(value: string): value is DepartmentCode {
  return Object.hasOwn(DEPARTMENTS, value);
}

export const ORCHESTRATOR_TASK_QUEUE = "orchestrator";

/** Each department's activities run on their own queue, in a worker that alone holds its key. */
export function departmentTaskQueue(code: DepartmentCode): string {
  return `department-${code}`;
}

/** Env var naming a department system's base URL, e.g. VO_DEPT_PUBLIC_SECURITY_URL. */
export function departmentUrlEnvName(code: DepartmentCode): string {
  return `VO_DEPT_${code.toUpperCase().replaceAll("-", "_")}_URL`;
}

export function defaultDepartmentUrl(code: DepartmentCode): string {
  return `http://127.0.0.1:${DEPARTMENTS[code].sandboxPort}`;
}
