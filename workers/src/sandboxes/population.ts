import { Faker, zh_CN, en, base } from "@faker-js/faker";
import { DEMO_CITIZENS } from "@visit-once/prisma";
import { makeNationalId } from "./national-id";

/** A synthetic population shared by the department sandboxes, deterministic from a seed. */
export interface Person {
  nationalId: string;
  fullName: string;
  sex: "F" | "M";
  birthDate: string;
  region: string;
  address: string;
}

export interface Birth {
  certificateNo: string;
  childName: string;
  childSex: "F" | "M";
  birthTime: string;
  birthPlace: string;
  motherId: string;
  fatherId: string | null;
}

export interface Marriage {
  registrationNo: string;
  husbandId: string;
  wifeId: string;
  registeredOn: string;
  status: "married" | "divorced";
}

export interface Population {
  persons: Map<string, Person>;
  births: Birth[];
  marriages: Marriage[];
  /** One parent of each family, in order: who can apply for a newborn registration. */
  applicants: string[];
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

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export function generatePopulation({ seed = 20261127, families = 1000 } = {}): Population {
  const faker = new Faker({ locale: [zh_CN, en, base] });
  faker.seed(seed);
  const persons = new Map<string, Person>();
  const births: Birth[] = [];
  const marriages: Marriage[] = [];
  const applicants: string[] = [];
  let sequence = 0;

  const person = (sex: "F" | "M", born: Date, forcedId?: string, forcedName?: string): Person => {
    const region = faker.helpers.arrayElement(REGION_CODES);
    sequence += 1;
    // The sequence's last digit is odd for men and even for women (GB 11643).
    const seq = (sequence * 2 + (sex === "M" ? 1 : 0)) % 1000;
    const p: Person = {
      nationalId: forcedId ?? makeNationalId(region, isoDate(born), seq),
      fullName: forcedName ?? faker.person.fullName({ sex: sex === "F" ? "female" : "male" }),
      sex,
      birthDate: isoDate(born),
      region,
      address: `浙江省杭州市${REGIONS[region]}${faker.location.street()}${faker.number.int({ min: 1, max: 399 })}号`,
    };
    if (forcedId) p.birthDate = `${forcedId.slice(6, 10)}-${forcedId.slice(10, 12)}-${forcedId.slice(12, 14)}`;
    if (forcedId) p.region = forcedId.slice(0, 6);
    persons.set(p.nationalId, p);
    return p;
  };

  const [mei, lei, hua] = DEMO_CITIZENS;
  for (let k = 0; k < families; k++) {
    const motherBorn = faker.date.between({ from: "1985-01-01", to: "1999-12-31" });
    const fatherBorn = faker.date.between({ from: "1983-01-01", to: "1998-12-31" });
    const mother = person("F", motherBorn, k === 0 ? mei.nationalId : undefined, k === 0 ? "王美" : undefined);
    const father = person("M", fatherBorn, k === 1 ? lei.nationalId : undefined, k === 1 ? "李磊" : undefined);
    const married = faker.date.between({ from: "2015-01-01", to: "2024-12-31" });
    marriages.push({
      registrationNo: `J3301${String(k).padStart(7, "0")}`,
      husbandId: father.nationalId,
      wifeId: mother.nationalId,
      registeredOn: isoDate(married),
      status: "married",
    });
    const born = faker.date.between({ from: "2026-08-01", to: "2026-11-20" });
    const childSex = faker.helpers.arrayElement(["F", "M"] as const);
    births.push({
      certificateNo: `R330${String(k).padStart(8, "0")}`,
      childName: father.fullName.slice(0, 1) + faker.person.firstName(childSex === "F" ? "female" : "male"),
      childSex,
      birthTime: born.toISOString(),
      birthPlace: faker.helpers.arrayElement(HOSPITALS),
      motherId: mother.nationalId,
      fatherId: father.nationalId,
    });
    applicants.push(k === 1 ? father.nationalId : mother.nationalId);
  }
  // A citizen the registries know, with no birth on record: the "missing record" path.
  person("M", new Date("1988-07-07"), hua.nationalId, "陈华");
  return { persons, births, marriages, applicants };
}
