/**
 * Demo accounts seeded by `npm start`. The citizens' national ids are planted in the
 * department sandboxes' data, so each one meets a known situation.
 */
export const DEMO_PASSWORD = "visit-once-demo";

/**
 * The demo staff accounts' second factor: a fixed, public development TOTP secret (base32,
 * SHA-1, 6 digits, 30 s), so demos and tests can sign in. Put it in an authenticator app or
 * print the current code with `npx tsx prisma/src/demo-totp.ts`. Development only.
 */
export const DEMO_TOTP_SECRET = "VISITONCEDEMOSTAFFSECRETTOTP2FA7";

export const DEMO_CITIZENS = [
  {
    email: "mei@demo.visit-once.local",
    name: "王美 Wang Mei",
    nationalId: "330102199203150021",
    situation: "mother of a newborn; every record clean",
  },
  {
    email: "lei@demo.visit-once.local",
    name: "李磊 Li Lei",
    nationalId: "330106199001010018",
    situation: "father of a newborn; every record clean",
  },
  {
    email: "hua@demo.visit-once.local",
    name: "陈华 Chen Hua",
    nationalId: "330183198807070034",
    situation: "no newborn and no marriage on record",
  },
  {
    email: "zhou@demo.visit-once.local",
    name: "周敏 Zhou Min",
    nationalId: "330108199405120048",
    situation: "mother of a newborn; Medical Security holds her name as 周民",
  },
  {
    email: "wu@demo.visit-once.local",
    name: "吴芳 Wu Fang",
    nationalId: "330105196403080027",
    situation: "62, 30 years of contributions, sells her unmortgaged flat",
  },
] as const;

export const DEMO_STAFF = [
  { email: "caseworker@demo.visit-once.local", name: "Caseworker Zhao", role: "CASEWORKER", departmentCode: null },
  {
    email: "officer.education@demo.visit-once.local",
    name: "Officer (Education)",
    role: "OFFICER",
    departmentCode: "education",
  },
  { email: "admin@demo.visit-once.local", name: "Administrator", role: "ADMIN", departmentCode: null },
  {
    email: "officer.public-security@demo.visit-once.local",
    name: "Officer (Public Security)",
    role: "OFFICER",
    departmentCode: "public-security",
  },
  {
    email: "officer.health@demo.visit-once.local",
    name: "Officer (Health)",
    role: "OFFICER",
    departmentCode: "health",
  },
  {
    email: "officer.civil-affairs@demo.visit-once.local",
    name: "Officer (Civil Affairs)",
    role: "OFFICER",
    departmentCode: "civil-affairs",
  },
  {
    email: "officer.human-resources@demo.visit-once.local",
    name: "Officer (Human Resources and Social Security)",
    role: "OFFICER",
    departmentCode: "human-resources",
  },
  {
    email: "officer.taxation@demo.visit-once.local",
    name: "Officer (Taxation)",
    role: "OFFICER",
    departmentCode: "taxation",
  },
  {
    email: "officer.natural-resources@demo.visit-once.local",
    name: "Officer (Natural Resources)",
    role: "OFFICER",
    departmentCode: "natural-resources",
  },
  {
    email: "officer.market-regulation@demo.visit-once.local",
    name: "Officer (Market Regulation)",
    role: "OFFICER",
    departmentCode: "market-regulation",
  },
  {
    email: "officer.medical-security@demo.visit-once.local",
    name: "Officer (Medical Security)",
    role: "OFFICER",
    departmentCode: "medical-security",
  },
] as const;
