import { DEPARTMENT_CODES, type DepartmentCode } from "@visit-once/workflows/contracts";
import pg from "pg";
import { poolConfig } from "@visit-once/prisma";
import { createDepartmentSchema, keysOf, schemaName, serialise, sliceFor } from "./department-store";
import { type PopulationOptions, generateFamilies } from "./population";

export interface GenerationReport {
  families: number;
  citizens: number;
  discrepancies: number;
  seconds: number;
  peakRssMb: number;
}

interface Settings {
  seed: number;
  families: number;
  discrepancyRate: number;
}

const META = "sandbox_meta";

/**
 * Streams a generated population into every department's store, one batch of families at
 * a time, so memory stays flat whatever the size. Replaces what the stores held.
 */
export async function writeDepartmentStores(
  databaseUrl: string,
  options: Required<PopulationOptions>,
  batchFamilies = 500,
): Promise<GenerationReport> {
  const started = performance.now();
  let peakRss = process.memoryUsage().rss;
  const pool = new pg.Pool({ ...poolConfig(databaseUrl), max: DEPARTMENT_CODES.length });
  try {
    const client = await pool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${META}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${META}.generation (id integer PRIMARY KEY, seed bigint, families integer, discrepancy_rate double precision, citizens integer, generated_at timestamptz)`,
      );
      await client.query(`DELETE FROM ${META}.generation`);
      for (const code of DEPARTMENT_CODES) {
        await client.query(`DROP SCHEMA IF EXISTS ${schemaName(code)} CASCADE`);
        await createDepartmentSchema(client, code);
      }
    } finally {
      client.release();
    }

    type Buffer = { familyNos: number[]; data: string[]; keys: string[]; keyFamilies: number[] };
    const fresh = (): Buffer => ({ familyNos: [], data: [], keys: [], keyFamilies: [] });
    let buffers = Object.fromEntries(DEPARTMENT_CODES.map((c) => [c, fresh()])) as Record<DepartmentCode, Buffer>;
    const flush = async () => {
      const full = buffers;
      buffers = Object.fromEntries(DEPARTMENT_CODES.map((c) => [c, fresh()])) as Record<DepartmentCode, Buffer>;
      await Promise.all(
        DEPARTMENT_CODES.map(async (code) => {
          const b = full[code];
          if (b.familyNos.length === 0) return;
          const s = schemaName(code);
          await pool.query(`INSERT INTO ${s}.family (family_no, data) SELECT * FROM unnest($1::int[], $2::jsonb[])`, [
            b.familyNos,
            b.data,
          ]);
          await pool.query(
            `INSERT INTO ${s}.person_index (national_id, family_no) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT DO NOTHING`,
            [b.keys, b.keyFamilies],
          );
        }),
      );
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    };

    let families = 0;
    let citizens = 0;
    let discrepancies = 0;
    for (const family of generateFamilies(options)) {
      const familyNo = families++;
      citizens += family.persons.size;
      discrepancies += family.discrepancies.size;
      for (const code of DEPARTMENT_CODES) {
        const slice = sliceFor(code, family);
        const b = buffers[code];
        b.familyNos.push(familyNo);
        b.data.push(JSON.stringify(serialise(slice)));
        for (const key of keysOf(slice)) {
          b.keys.push(key);
          b.keyFamilies.push(familyNo);
        }
      }
      if (families % batchFamilies === 0) await flush();
    }
    await flush();
    for (const code of DEPARTMENT_CODES) await pool.query(`ANALYZE ${schemaName(code)}.person_index`);
    await pool.query(`INSERT INTO ${META}.generation VALUES (1, $1, $2, $3, $4, now())`, [
      options.seed,
      options.families,
      options.discrepancyRate,
      citizens,
    ]);
    return {
      families,
      citizens,
      discrepancies,
      seconds: (performance.now() - started) / 1000,
      peakRssMb: Math.round(peakRss / 1048576),
    };
  } finally {
    await pool.end();
  }
}

/** The settings the stores were generated with, or undefined when they were not (fully). */
export async function storedGeneration(databaseUrl: string): Promise<Settings | undefined> {
  const client = new pg.Client(poolConfig(databaseUrl));
  await client.connect();
  try {
    const { rows } = await client.query<{ seed: string; families: number; discrepancy_rate: number }>(
      `SELECT seed, families, discrepancy_rate FROM ${META}.generation WHERE id = 1`,
    );
    const row = rows[0];
    return row ? { seed: Number(row.seed), families: row.families, discrepancyRate: row.discrepancy_rate } : undefined;
  } catch {
    return undefined;
  } finally {
    await client.end();
  }
}

/** Generates the stores unless they already hold this exact population. */
export async function ensureDepartmentStores(
  databaseUrl: string,
  options: Required<PopulationOptions>,
): Promise<GenerationReport | undefined> {
  const stored = await storedGeneration(databaseUrl);
  if (
    stored &&
    stored.seed === options.seed &&
    stored.families === options.families &&
    stored.discrepancyRate === options.discrepancyRate
  )
    return undefined;
  return writeDepartmentStores(databaseUrl, options);
}
