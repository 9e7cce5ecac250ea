import { Faker, base, en, zh_CN } from "@faker-js/faker";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { type DepartmentCode, IMMUNISATION_SCHEDULE, makeNationalId } from "@visit-once/workflows/contracts";
import { makeCreditCode } from "./credit-code";

/**
 * The synthetic population behind the department sandboxes, deterministic from a seed:
 * the truth about each family, plus the discrepancies through which some departments see
 * it wrongly (as real registries do). Each sandbox serves its own view of it.
 */
export interface Person {
  nationalId: string;
  fullName: string;
  sex: "F" | "M";
  birthDate: string;
  region: string;
  address: string;
  /** Where the person lived before; what an outdated register still holds. */
  previousAddress: string;
}

export interface Employment {
  nationalId: string;
  employerName: string;
  employerCode: string;
  /** YYYY-MM of the first and last month contributed. */
  firstMonth: string;
  lastMonth: string;
  /** Months with a contribution (gaps make this less than the span). */
  contributionMonths: number;
  monthlyBaseYuan: number;
}

export interface Birth {
  certificateNo: string;
  childName: string;
  childSex: "F" | "M";
  birthTime: string;
  birthPlace: string;
  motherId: string;
  fatherId: string | null;
  /** Set once the child has an identity number (older children). */
  childNationalId: string | null;
}

export interface Vaccination {
  birthCertificateNo: string;
  childNationalId: string | null;
  doses: { vaccine: string; doseNo: number; date: string }[];
}

export interface Marriage {
  registrationNo: string;
  husbandId: string;
  wifeId: string;
  registeredOn: string;
  status: "married" | "divorced";
}

export interface Household {
  householdNo: string;
  region: string;
  address: string;
  headId: string;
  members: { nationalId: string; relation: "head" | "spouse" | "child" }[];
}

export interface TaxStatus {
  nationalId: string;
  outstandingYuan: number;
}

export interface Property {
  certificateNo: string;
  address: string;
  region: string;
  areaSquareMetres: number;
  ownerIds: string[];
  registeredOn: string;
  encumbered: boolean;
}

export interface Business {
  creditCode: string;
  name: string;
  legalRepId: string;
  status: "active" | "revoked" | "cancelled";
  establishedOn: string;
  registeredCapitalYuan: number;
}

export interface MedicalInsurance {
  nationalId: string;
  scheme: "urban-employee" | "urban-rural-resident";
  status: "active" | "suspended" | "terminated";
  enrolledOn: string;
}

export const DISCREPANCY_KINDS = [
  "name-variant",
  "outdated-address",
  "missing-record",
  "marital-status",
  "birth-date",
] as const;
export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];

/** One way one department's register disagrees with the truth about one person. */
export interface Discrepancy {
  nationalId: string;
  kind: DiscrepancyKind;
  department: DepartmentCode;
}

/** Which departments' registers a kind of discrepancy can show up in. */
const DISCREPANCY_DEPARTMENTS: Record<DiscrepancyKind, DepartmentCode[]> = {
  "name-variant": ["human-resources", "medical-security"],
  "outdated-address": ["medical-security"],
  "missing-record": [
    "human-resources",
    "medical-security",
    "civil-affairs",
    "taxation",
    "natural-resources",
    "market-regulation",
  ],
  "marital-status": ["civil-affairs"],
  "birth-date": ["human-resources", "medical-security"],
};

export interface Population {
  persons: Map<string, Person>;
  households: Household[];
  births: Birth[];
  vaccinations: Vaccination[];
  marriages: Marriage[];
  employments: Employment[];
  taxes: TaxStatus[];
  properties: Property[];
  businesses: Business[];
  medicalInsurance: MedicalInsurance[];
  discrepancies: Map<string, Discrepancy>;
  /** One parent of each family, in order: who can apply for a newborn registration. */
  applicants: string[];
}

export interface PopulationOptions {
  seed?: number;
  families?: number;
  /** Share of adults with one discrepancy between departments (default 3%). */
  discrepancyRate?: number;
}

/** Hangzhou districts (GB/T 2260). */
const REGIONS = {
  "330102": "上城区",
  "330105": "拱墅区",
  "330106": "西湖区",
  "330108": "滨江区",
  "330109": "萧山区",
  "330110": "余杭区",
  "330183": "富阳区",
} as const;
const REGION_CODES = Object.keys(REGIONS) as (keyof typeof REGIONS)[];
const HOSPITALS = ["浙江大学医学院附属妇产科医院", "杭州市妇产科医院", "浙江省人民医院", "杭州市第一人民医院"];
/** Newborns have had their first doses; school-age children the whole schedule. */
const NEWBORN_DOSES = IMMUNISATION_SCHEDULE.filter((d) => d.dueDays === 0);
const CHILDHOOD_DOSES = IMMUNISATION_SCHEDULE;
/** Characters a clerk may have typed for another (homophones), for name variants. */
const HOMOPHONES: Record<string, string> = {
  美: "梅",
  磊: "蕾",
  华: "化",
  伟: "玮",
  芳: "方",
  娜: "那",
  敏: "民",
  静: "靜",
  丽: "俪",
  强: "強",
  军: "君",
  杰: "洁",
  涛: "滔",
  明: "铭",
  超: "潮",
  勇: "永",
  艳: "燕",
  杰明: "杰铭",
};

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const isoMonth = (d: Date) => d.toISOString().slice(0, 7);
const TODAY = new Date("2026-11-20T00:00:00Z");

export function nameVariant(name: string): string {
  for (let i = name.length - 1; i >= 0; i--) {
    const replacement = HOMOPHONES[name[i]!];
    if (replacement) return name.slice(0, i) + replacement + name.slice(i + 1);
  }
  return name.slice(0, -1) + (name.endsWith("英") ? "瑛" : "英");
}

/** The birth date a register holds when it was keyed wrongly: day and month swapped, or a day off. */
export function shiftedBirthDate(birthDate: string): string {
  const [y, m, d] = birthDate.split("-");
  if (Number(d) <= 12 && d !== m) return `${y}-${d}-${m}`;
  const next = new Date(`${birthDate}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return isoDate(next);
}

export function emptyPopulation(): Population {
  return {
    persons: new Map(),
    households: [],
    births: [],
    vaccinations: [],
    marriages: [],
    employments: [],
    taxes: [],
    properties: [],
    businesses: [],
    medicalInsurance: [],
    discrepancies: new Map(),
    applicants: [],
  };
}

/** The whole population in memory: for tests, benchmarks and small sandboxes. */
export function generatePopulation(options: PopulationOptions = {}): Population {
  const all = emptyPopulation();
  for (const family of generateFamilies(options)) mergeInto(all, family);
  return all;
}

export function mergeInto(target: Population, source: Population): void {
  for (const [id, p] of source.persons) target.persons.set(id, p);
  for (const [id, d] of source.discrepancies) target.discrepancies.set(id, d);
  target.households.push(...source.households);
  target.births.push(...source.births);
  target.vaccinations.push(...source.vaccinations);
  target.marriages.push(...source.marriages);
  target.employments.push(...source.employments);
  target.taxes.push(...source.taxes);
  target.properties.push(...source.properties);
  target.businesses.push(...source.businesses);
  target.medicalInsurance.push(...source.medicalInsurance);
  target.applicants.push(...source.applicants);
}

/**
 * The population one family at a time (each a self-contained Population), so that a
 * million citizens stream into the department stores in constant memory.
 */
export function* generateFamilies({
  seed = 20261127,
  families = 1000,
  discrepancyRate = 0.03,
}: PopulationOptions = {}): Generator<Population> {
  const faker = new Faker({ locale: [zh_CN, en, base] });
  faker.seed(seed);
  let pop = emptyPopulation();
  let sequence = 0;
  const address = (region: keyof typeof REGIONS) =>
    `浙江省杭州市${REGIONS[region]}${faker.location.street()}${faker.number.int({ min: 1, max: 399 })}号`;

  const person = (
    sex: "F" | "M",
    born: Date,
    region: keyof typeof REGIONS,
    home: string,
    forced?: { id: string; name: string },
  ): Person => {
    sequence += 1;
    // The sequence's last digit is odd for men and even for women (GB 11643).
    const seq = (sequence * 2 + (sex === "M" ? 1 : 0)) % 1000;
    const id = forced?.id ?? makeNationalId(region, isoDate(born), seq);
    const p: Person = {
      nationalId: id,
      fullName: forced?.name ?? faker.person.fullName({ sex: sex === "F" ? "female" : "male" }),
      sex,
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      region: id.slice(0, 6),
      address: home,
      previousAddress: address(faker.helpers.arrayElement(REGION_CODES)),
    };
    pop.persons.set(p.nationalId, p);
    return p;
  };

  const adultRecords = (p: Person) => {
    const age = TODAY.getUTCFullYear() - Number(p.birthDate.slice(0, 4));
    const first = new Date(
      Date.UTC(
        Number(p.birthDate.slice(0, 4)) + faker.number.int({ min: 21, max: 24 }),
        faker.number.int({ min: 0, max: 11 }),
        1,
      ),
    );
    const spanMonths =
      (TODAY.getUTCFullYear() - first.getUTCFullYear()) * 12 + TODAY.getUTCMonth() - first.getUTCMonth();
    const employed = age >= 22 && faker.number.float() < 0.9;
    if (employed) {
      pop.employments.push({
        nationalId: p.nationalId,
        employerName: faker.company.name(),
        employerCode: `E${faker.string.numeric(9)}`,
        firstMonth: isoMonth(first),
        lastMonth: isoMonth(new Date(Date.UTC(TODAY.getUTCFullYear(), TODAY.getUTCMonth() - 1, 1))),
        contributionMonths: Math.max(1, spanMonths - faker.number.int({ min: 0, max: 12 })),
        monthlyBaseYuan: faker.number.int({ min: 4462, max: 22311 }),
      });
    }
    pop.medicalInsurance.push({
      nationalId: p.nationalId,
      scheme: employed ? "urban-employee" : "urban-rural-resident",
      status: faker.number.float() < 0.97 ? "active" : "suspended",
      enrolledOn: isoDate(employed ? first : faker.date.between({ from: "2010-01-01", to: "2020-12-31" })),
    });
    pop.taxes.push({
      nationalId: p.nationalId,
      outstandingYuan: faker.number.float() < 0.04 ? faker.number.int({ min: 200, max: 30000 }) : 0,
    });
    if (faker.number.float() < 0.1) {
      pop.businesses.push({
        creditCode: makeCreditCode(p.region, faker.string.numeric(9)),
        name: `杭州${faker.company.name()}有限公司`,
        legalRepId: p.nationalId,
        status: faker.helpers.weightedArrayElement([
          { value: "active" as const, weight: 90 },
          { value: "revoked" as const, weight: 5 },
          { value: "cancelled" as const, weight: 5 },
        ]),
        establishedOn: isoDate(faker.date.between({ from: "2012-01-01", to: "2025-12-31" })),
        registeredCapitalYuan: faker.number.int({ min: 10, max: 500 }) * 10000,
      });
    }
  };

  const vaccinate = (birth: Birth, schedule: readonly (typeof IMMUNISATION_SCHEDULE)[number][]) => {
    const born = Date.parse(birth.birthTime);
    pop.vaccinations.push({
      birthCertificateNo: birth.certificateNo,
      childNationalId: birth.childNationalId,
      doses: schedule
        .filter((d) => born + d.dueDays * 86_400_000 <= TODAY.getTime())
        .map((d) => ({ vaccine: d.vaccine, doseNo: d.doseNo, date: isoDate(new Date(born + d.dueDays * 86_400_000)) })),
    });
  };

  const [mei, lei, hua, zhou, wu] = DEMO_CITIZENS;
  const forcedMother = (k: number) =>
    k === 0 ? { id: mei.nationalId, name: "王美" } : k === 3 ? { id: zhou.nationalId, name: "周敏" } : undefined;
  for (let k = 0; k < families; k++) {
    pop = emptyPopulation();
    const region = faker.helpers.arrayElement(REGION_CODES);
    const home = address(region);
    const mother = person(
      "F",
      faker.date.between({ from: "1985-01-01", to: "1999-12-31" }),
      region,
      home,
      forcedMother(k),
    );
    const father = person(
      "M",
      faker.date.between({ from: "1983-01-01", to: "1998-12-31" }),
      region,
      home,
      k === 1 ? { id: lei.nationalId, name: "李磊" } : undefined,
    );
    mother.address = home;
    father.address = home;
    adultRecords(mother);
    adultRecords(father);
    const married = faker.date.between({ from: "2015-01-01", to: "2024-12-31" });
    pop.marriages.push({
      registrationNo: `J3301${String(k).padStart(7, "0")}`,
      husbandId: father.nationalId,
      wifeId: mother.nationalId,
      registeredOn: isoDate(married),
      status: "married",
    });
    const household: Household = {
      householdNo: `H${region}${String(k).padStart(8, "0")}`,
      region: father.region,
      address: home,
      headId: father.nationalId,
      members: [
        { nationalId: father.nationalId, relation: "head" },
        { nationalId: mother.nationalId, relation: "spouse" },
      ],
    };
    pop.households.push(household);

    // Some families have a school-age child: registered, with a full vaccination history.
    if (faker.number.float() < 0.4) {
      const sex = faker.helpers.arrayElement(["F", "M"] as const);
      const born = faker.date.between({ from: "2019-09-01", to: "2020-08-31" });
      const child = person(sex, born, region, home);
      child.fullName = father.fullName.slice(0, 1) + faker.person.firstName(sex === "F" ? "female" : "male");
      household.members.push({ nationalId: child.nationalId, relation: "child" });
      const birth: Birth = {
        certificateNo: `Q330${String(k).padStart(8, "0")}`,
        childName: child.fullName,
        childSex: sex,
        birthTime: born.toISOString(),
        birthPlace: faker.helpers.arrayElement(HOSPITALS),
        motherId: mother.nationalId,
        fatherId: father.nationalId,
        childNationalId: child.nationalId,
      };
      pop.births.push(birth);
      vaccinate(birth, CHILDHOOD_DOSES);
    }
    // Every family has a newborn not yet registered: the newborn service's case.
    const born = faker.date.between({ from: "2026-08-01", to: "2026-11-15" });
    const childSex = faker.helpers.arrayElement(["F", "M"] as const);
    const newborn: Birth = {
      certificateNo: `R330${String(k).padStart(8, "0")}`,
      childName: father.fullName.slice(0, 1) + faker.person.firstName(childSex === "F" ? "female" : "male"),
      childSex,
      birthTime: born.toISOString(),
      birthPlace: faker.helpers.arrayElement(HOSPITALS),
      motherId: mother.nationalId,
      fatherId: father.nationalId,
      childNationalId: null,
    };
    pop.births.push(newborn);
    vaccinate(newborn, NEWBORN_DOSES);
    if (faker.number.float() < 0.6) {
      pop.properties.push({
        certificateNo: `浙(2026)杭州市不动产权第${String(k).padStart(7, "0")}号`,
        address: home,
        region,
        areaSquareMetres: faker.number.int({ min: 4500, max: 18000 }) / 100,
        ownerIds: [father.nationalId, mother.nationalId],
        registeredOn: isoDate(faker.date.between({ from: "2010-01-01", to: "2025-12-31" })),
        encumbered: faker.number.float() < 0.3,
      });
    }
    pop.applicants.push(k === 1 ? father.nationalId : mother.nationalId);

    // Discrepancies, planned per adult from their own draw so the rate holds at any size.
    for (const adult of [mother, father]) {
      if (k < 4) continue; // demo families are set by hand below
      if (faker.number.float() >= discrepancyRate) continue;
      const kind = faker.helpers.arrayElement(DISCREPANCY_KINDS);
      pop.discrepancies.set(adult.nationalId, {
        nationalId: adult.nationalId,
        kind,
        department: faker.helpers.arrayElement(DISCREPANCY_DEPARTMENTS[kind]),
      });
    }
    // Zhou Min: the Medical Security Bureau holds her name as a homophone variant.
    if (k === 3)
      pop.discrepancies.set(zhou.nationalId, {
        nationalId: zhou.nationalId,
        kind: "name-variant",
        department: "medical-security",
      });
    yield pop;
  }
  pop = emptyPopulation();
  // A citizen the registries know, with no newborn and no marriage: the "missing record" path.
  const huaRegion = hua.nationalId.slice(0, 6) as keyof typeof REGIONS;
  const chen = person("M", new Date("1988-07-07"), huaRegion, address(huaRegion), { id: hua.nationalId, name: "陈华" });
  adultRecords(chen);
  pop.households.push({
    householdNo: `H${huaRegion}99999999`,
    region: huaRegion,
    address: chen.address,
    headId: chen.nationalId,
    members: [{ nationalId: chen.nationalId, relation: "head" }],
  });
  yield pop;

  // A retiree with 30 years of contributions, married, selling the flat she owns outright:
  // the retirement and property-transfer cases.
  pop = emptyPopulation();
  const wuRegion = "330105";
  const wuHome = address(wuRegion);
  const fang = person("F", new Date("1964-03-08"), wuRegion, wuHome, { id: wu.nationalId, name: "吴芳" });
  const husband = person("M", new Date("1962-10-21"), wuRegion, wuHome, { id: "330105196210210139", name: "郑建国" });
  for (const p of [fang, husband]) {
    pop.employments.push({
      nationalId: p.nationalId,
      employerName: "杭州丝绸厂",
      employerCode: "E330105001",
      firstMonth: "1996-01",
      lastMonth: "2025-12",
      contributionMonths: 360,
      monthlyBaseYuan: 9800,
    });
    pop.medicalInsurance.push({
      nationalId: p.nationalId,
      scheme: "urban-employee",
      status: "active",
      enrolledOn: "1999-01-01",
    });
    pop.taxes.push({ nationalId: p.nationalId, outstandingYuan: 0 });
  }
  pop.marriages.push({
    registrationNo: "J330199999999",
    husbandId: husband.nationalId,
    wifeId: fang.nationalId,
    registeredOn: "1988-05-01",
    status: "married",
  });
  pop.households.push({
    householdNo: `H${wuRegion}99999998`,
    region: wuRegion,
    address: wuHome,
    headId: husband.nationalId,
    members: [
      { nationalId: husband.nationalId, relation: "head" },
      { nationalId: fang.nationalId, relation: "spouse" },
    ],
  });
  pop.properties.push({
    certificateNo: "浙(2008)杭州市不动产权第9999998号",
    address: wuHome,
    region: wuRegion,
    areaSquareMetres: 89.5,
    ownerIds: [fang.nationalId],
    registeredOn: "2008-06-18",
    encumbered: false,
  });
  pop.applicants.push(fang.nationalId);
  yield pop;
}

/**
 * How one department sees a person: the truth, bent by a discrepancy planned for that
 * department; undefined when the department has no record of the person.
 */
export function personAt(pop: Population, department: DepartmentCode, nationalId: string): Person | undefined {
  const p = pop.persons.get(nationalId);
  if (!p) return undefined;
  const d = pop.discrepancies.get(nationalId);
  if (!d || d.department !== department) return p;
  switch (d.kind) {
    case "missing-record":
      return undefined;
    case "name-variant":
      return { ...p, fullName: nameVariant(p.fullName) };
    case "birth-date":
      return { ...p, birthDate: shiftedBirthDate(p.birthDate) };
    case "outdated-address":
      return { ...p, address: p.previousAddress };
    case "marital-status":
      return p;
  }
}

/** A marriage as Civil Affairs holds it: divorced where a marital-status discrepancy says so. */
export function marriageAt(pop: Population, m: Marriage): Marriage {
  const bent = [m.husbandId, m.wifeId].some((id) => {
    const d = pop.discrepancies.get(id);
    return d?.kind === "marital-status" && d.department === "civil-affairs";
  });
  return bent ? { ...m, status: "divorced" } : m;
}
