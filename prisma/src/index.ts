export { createPrisma, prismaSingleton, type Db } from "./client";
export { departmentStoresUrl, poolConfig, withDatabase } from "./database-url";
export {
  CASE_SUBJECT_SELECT,
  caseSubjectId,
  type CaseSubjectColumns,
  isRepresented,
  personSubjectId,
} from "./case-subject";
export { DEMO_CITIZENS, DEMO_PASSWORD, DEMO_STAFF, DEMO_TOTP_SECRET } from "./demo-accounts";
export { open as openSecret, seal as sealSecret } from "./secret-box";
export * from "../generated/enums";
export type * from "../generated/models";
export { Prisma } from "../generated/client";
