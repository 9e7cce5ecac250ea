import { DEMO_CITIZENS } from "@visit-once/prisma";
import { describe, expect, it } from "vitest";
import { isValidCreditCode } from "./credit-code";
import { isValidNationalId, nationalIdProblem } from "@visit-once/workflows/contracts";
import { generatePopulation, marriageAt, nameVariant, personAt, shiftedBirthDate } from "./population";

describe("the synthetic population", () => {
  it("is the same for the same seed, and differs for another", () => {
    const a = generatePopulation({ seed: 7, families: 200 });
    const b = generatePopulation({ seed: 7, families: 200 });
    const c = generatePopulation({ seed: 8, families: 200 });
    expect([...a.persons.values()]).toEqual([...b.persons.values()]);
    expect(a.births).toEqual(b.births);
    expect([...a.discrepancies.values()]).toEqual([...b.discrepancies.values()]);
    expect([...c.persons.values()].map((p) => p.fullName)).not.toEqual([...a.persons.values()].map((p) => p.fullName));
  });

  it("plants discrepancies at the configured rate, within half a point", () => {
    for (const rate of [0.03, 0.1]) {
      const pop = generatePopulation({ seed: 11, families: 5000, discrepancyRate: rate });
      const adults = 2 * 5000;
      const demo = DEMO_CITIZENS.filter((c) => pop.discrepancies.has(c.nationalId)).length;
      const observed = (pop.discrepancies.size - demo) / (adults - 8);
      expect(Math.abs(observed - rate)).toBeLessThan(0.005);
      expect(new Set([...pop.discrepancies.values()].map((d) => d.kind)).size).toBe(5);
    }
  });

  it("makes valid identity numbers and credit codes, and consistent families", () => {
    const pop = generatePopulation({ families: 300 });
    for (const p of pop.persons.values()) expect(isValidNationalId(p.nationalId), p.nationalId).toBe(true);
    // The demo citizens' numbers pass the full check the web applies to typed numbers.
    for (const c of DEMO_CITIZENS) expect(nationalIdProblem(c.nationalId, "2026-11-30"), c.nationalId).toBeNull();
    for (const b of pop.businesses) expect(isValidCreditCode(b.creditCode), b.creditCode).toBe(true);
    for (const birth of pop.births) {
      expect(pop.persons.has(birth.motherId)).toBe(true);
      const mother = pop.persons.get(birth.motherId)!;
      expect(mother.sex).toBe("F");
    }
    for (const h of pop.households) expect(h.members[0]?.relation).toBe("head");
  });

  it("plants the demo citizens' situations", () => {
    const pop = generatePopulation({ families: 10 });
    const [mei, , hua, zhou] = DEMO_CITIZENS;
    expect(pop.persons.get(mei.nationalId)?.fullName).toBe("王美");
    expect(pop.discrepancies.has(mei.nationalId)).toBe(false);
    expect(pop.births.some((b) => b.motherId === hua.nationalId || b.fatherId === hua.nationalId)).toBe(false);
    expect(personAt(pop, "medical-security", zhou.nationalId)?.fullName).toBe("周民");
    expect(personAt(pop, "public-security", zhou.nationalId)?.fullName).toBe("周敏");
  });

  it("bends each department's view only where a discrepancy is planned for it", () => {
    const pop = generatePopulation({ seed: 3, families: 3000 });
    for (const d of pop.discrepancies.values()) {
      const truth = pop.persons.get(d.nationalId)!;
      const seen = personAt(pop, d.department, d.nationalId);
      expect(personAt(pop, "public-security", d.nationalId)).toEqual(truth);
      if (d.kind === "missing-record") expect(seen).toBeUndefined();
      if (d.kind === "name-variant") expect(seen?.fullName).not.toBe(truth.fullName);
      if (d.kind === "birth-date") expect(seen?.birthDate).not.toBe(truth.birthDate);
      if (d.kind === "outdated-address") expect(seen?.address).not.toBe(truth.address);
      if (d.kind === "marital-status") {
        const m = pop.marriages.find((x) => x.husbandId === d.nationalId || x.wifeId === d.nationalId)!;
        expect(marriageAt(pop, m).status).toBe("divorced");
      }
    }
  });

  it("derives variants that differ from the original", () => {
    expect(nameVariant("周敏")).toBe("周民");
    expect(nameVariant("张三")).not.toBe("张三");
    expect(shiftedBirthDate("1994-05-12")).toBe("1994-12-05");
    expect(shiftedBirthDate("1994-05-20")).toBe("1994-05-21");
    expect(shiftedBirthDate("1994-05-05")).toBe("1994-05-06");
  });
});
