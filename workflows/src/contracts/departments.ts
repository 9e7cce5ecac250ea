/** The departments whose systems the orchestrator reads, and the queue each one's worker polls. */
export const DEPARTMENTS = {
  "public-security": { name: { en: "Public Security Bureau", zh: "公安局" }, sandboxPort: 4101 },
  health: { name: { en: "Health Commission", zh: "卫生健康委员会" }, sandboxPort: 4102 },
  "civil-affairs": { name: { en: "Civil Affairs Bureau", zh: "民政局" }, sandboxPort: 4103 },
  "human-resources": {
    name: { en: "Human Resources and Social Security Bureau", zh: "人力资源和社会保障局" },
    sandboxPort: 4104,
  },
  taxation: { name: { en: "Tax Bureau", zh: "税务局" }, sandboxPort: 4105 },
  "natural-resources": {
    name: { en: "Natural Resources and Planning Bureau", zh: "自然资源和规划局" },
    sandboxPort: 4106,
  },
  "market-regulation": { name: { en: "Market Regulation Administration", zh: "市场监督管理局" }, sandboxPort: 4107 },
  "medical-security": { name: { en: "Medical Security Bureau", zh: "医疗保障局" }, sandboxPort: 4108 },
} as const;

export type DepartmentCode = keyof typeof DEPARTMENTS;
export const DEPARTMENT_CODES = Object.keys(DEPARTMENTS) as DepartmentCode[];

export function isDepartmentCode(value: string): value is DepartmentCode {
  return Object.hasOwn(DEPARTMENTS, value);
}

/** Offices that decide department steps: the departments, plus the education bureau (no data system of its own here). */
export type StepOffice = DepartmentCode | "education";
export const STEP_OFFICES: readonly StepOffice[] = [...DEPARTMENT_CODES, "education"];
const EDUCATION = { name: { en: "Education Bureau", zh: "教育局" } } as const;

export function officeName(office: StepOffice): { en: string; zh: string } {
  return office === "education" ? EDUCATION.name : DEPARTMENTS[office].name;
}

export function isStepOffice(value: string): value is StepOffice {
  return value === "education" || isDepartmentCode(value);
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
