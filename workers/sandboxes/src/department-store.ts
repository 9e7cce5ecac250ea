import type { DepartmentCode } from "@visit-once/workflows/contracts";
import type pg from "pg";
import { type Population, emptyPopulation, marriageAt, mergeInto, personAt } from "./population";

/**
 * Each department sandbox keeps its own data in its own PostgreSQL schema (`dept_<code>`),
 * never in the orchestrator's tables. What it stores is its *belief*: the population as
 * that department sees it (discrepancies baked in, records it lacks left out), one row
 * per family, with an index from every identity number to its family.
 */
export const schemaName = (code: DepartmentCode) => `dept_${code.replaceAll("-", "_")}`;

/** What one department holds of one family. */
export function sliceFor(code: DepartmentCode, family: Population): Population {
  const slice = emptyPopulation();
  for (const p of family.persons.values()) {
    const seen = personAt(family, code, p.nationalId);
    if (seen) slice.persons.set(seen.nationalId, seen);
  }
  const held = (id: string | null) => id !== null && slice.persons.has(id);
  switch (code) {
    case "public-security":
      slice.households = family.households;
      break;
    case "health":
      slice.births = family.births;
      slice.vaccinations = family.vaccinations;
      break;
    case "civil-affairs":
      slice.marriages = family.marriages
        .filter((m) => held(m.husbandId) || held(m.wifeId))
        .map((m) => marriageAt(family, m));
      break;
    case "human-resources":
      slice.employments = family.employments.filter((e) => held(e.nationalId));
      break;
    case "taxation":
      slice.taxes = family.taxes.filter((t) => held(t.nationalId));
      break;
    case "natural-resources":
      slice.properties = family.properties.filter((p) => p.ownerIds.some(held));
      break;
    case "market-regulation":
      slice.businesses = family.businesses.filter((b) => held(b.legalRepId));
      break;
    case "medical-security":
      slice.medicalInsurance = family.medicalInsurance.filter((m) => held(m.nationalId));
      break;
  }
  return slice;
}

type StoredSlice = Omit<Population, "persons" | "discrepancies"> & {
  persons: Population["persons"] extends Map<string, infer P> ? P[] : never;
};

export function serialise(slice: Population): StoredSlice {
  // A slice has its discrepancies baked in: the map is empty and not stored.
  const { persons, ...rest } = slice;
  return { ...rest, discrepancies: undefined, persons: [...persons.values()] } as StoredSlice;
}

export function deserialise(stored: StoredSlice): Population {
  return {
    ...emptyPopulation(),
    ...stored,
    persons: new Map(stored.persons.map((p) => [p.nationalId, p])),
    discrepancies: new Map(),
  };
}

/** Every identity number a slice mentions: the keys a request can look a family up by. */
export function keysOf(slice: Population): string[] {
  const keys = new Set<string>(slice.persons.keys());
  for (const b of slice.births) [b.motherId, b.fatherId].forEach((id) => id && keys.add(id));
  for (const m of slice.marriages) [m.husbandId, m.wifeId].forEach((id) => keys.add(id));
  for (const h of slice.households) h.members.forEach((m) => keys.add(m.nationalId));
  return [...keys];
}

export async function createDepartmentSchema(client: pg.ClientBase, code: DepartmentCode): Promise<void> {
  const s = schemaName(code);
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
  await client.query(`CREATE TABLE IF NOT EXISTS ${s}.family (family_no integer PRIMARY KEY, data jsonb NOT NULL)`);
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${s}.person_index (national_id text NOT NULL, family_no integer NOT NULL, PRIMARY KEY (national_id, family_no))`,
  );
}

/** Reads one department's slice of the family a person belongs to (empty when unknown). */
export function postgresLookup(pool: pg.Pool, code: DepartmentCode): (nationalId: string) => Promise<Population> {
  const s = schemaName(code);
  const sql = `SELECT f.data FROM ${s}.person_index i JOIN ${s}.family f USING (family_no) WHERE i.national_id = $1`;
  return async (nationalId) => {
    const { rows } = await pool.query<{ data: StoredSlice }>(sql, [nationalId]);
    const merged = emptyPopulation();
    for (const row of rows) mergeInto(merged, deserialise(row.data));
    return merged;
  };
}
