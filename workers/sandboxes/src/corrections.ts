import type { DepartmentCode } from "@visit-once/workflows/contracts";
import type pg from "pg";
import { deserialise, schemaName, serialise } from "./department-store";
import type { Population } from "./population";
import type { SandboxResponse } from "./sandbox-server";

// Each department corrects its own record through its own correction endpoint, in its own
// native style (see each department's file). What the endpoints share is here: a request is
// parsed into the person whose record it is and a change to that department's view of the
// population; the change is applied to the department's own store (or, in tests, its own copy
// in memory). Changes replace objects and arrays, never mutate them: a department's view
// shares unchanged objects with the others.

export interface ParsedCorrection {
  /** The identity number the department's store finds the family by. */
  subject: string;
  /** Applies the change to one family's view; false when the view holds no such record. */
  apply(view: Population): boolean;
}

export interface CorrectionEndpoint {
  matches(url: URL, method: string): boolean;
  /** The request read in the department's native format, or its native answer to a bad request. */
  parse(url: URL, body: string): ParsedCorrection | SandboxResponse;
  /** The native answer once the change is applied (true) or the record was not found (false). */
  answer(applied: boolean, url: URL, body: string): SandboxResponse;
}

export const isResponse = (v: ParsedCorrection | SandboxResponse): v is SandboxResponse => "status" in v;

/** Applies a correction to the families in a department's store that the subject belongs to, in one transaction. */
export function postgresCorrect(pool: pg.Pool, code: DepartmentCode): (c: ParsedCorrection) => Promise<boolean> {
  const s = schemaName(code);
  return async (c) => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ family_no: number; data: Parameters<typeof deserialise>[0] }>(
        `SELECT f.family_no, f.data FROM ${s}.person_index i JOIN ${s}.family f USING (family_no) WHERE i.national_id = $1 FOR UPDATE OF f`,
        [c.subject],
      );
      let applied = false;
      for (const row of rows) {
        const view = deserialise(row.data);
        if (!c.apply(view)) continue;
        applied = true;
        await client.query(`UPDATE ${s}.family SET data = $2::jsonb WHERE family_no = $1`, [
          row.family_no,
          JSON.stringify(serialise(view)),
        ]);
      }
      await client.query("COMMIT");
      return applied;
    } catch (e) {
      await client.query("ROLLBACK");
      throw e;
    } finally {
      client.release();
    }
  };
}

/** Replaces the elements a predicate picks with their changed copies; true when any was picked. */
export function replaceWhere<T>(
  view: Population,
  key: keyof Population,
  pick: (item: T) => boolean,
  change: (item: T) => T,
): boolean {
  const list = view[key] as unknown as T[];
  if (!list.some(pick)) return false;
  (view as unknown as Record<string, T[]>)[key] = list.map((item) => (pick(item) ? change(item) : item));
  return true;
}

/** The department's view of one person replaced with its changed copy. */
export function replacePerson(
  view: Population,
  nationalId: string,
  change: (
    p: NonNullable<ReturnType<Population["persons"]["get"]>>,
  ) => NonNullable<ReturnType<Population["persons"]["get"]>>,
): boolean {
  const p = view.persons.get(nationalId);
  if (!p) return false;
  view.persons.set(nationalId, change(p));
  return true;
}

/** Reads a request body as JSON, or undefined. */
export function jsonOf(body: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(body);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const text = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
