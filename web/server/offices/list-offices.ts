import type { Db } from "@visit-once/prisma";
import { db as defaultDb } from "../db";

export interface OfficeRow {
  code: string;
  nameEn: string;
  nameZh: string;
  supervisingOfficeCode: string | null;
  /** Staff accounts that belong to it. */
  staff: number;
  /** Offices it supervises. */
  supervises: number;
}

/** Every office, by code, with what uses it (an office in use cannot be deleted). */
export async function listOffices(db: Db = defaultDb()): Promise<OfficeRow[]> {
  const [offices, staff] = await Promise.all([
    db.office.findMany({ orderBy: { code: "asc" }, include: { _count: { select: { supervisedOffices: true } } } }),
    db.user.groupBy({ by: ["departmentCode"], where: { departmentCode: { not: null } }, _count: { _all: true } }),
  ]);
  const staffBy = new Map(staff.map((s) => [s.departmentCode, s._count._all]));
  return offices.map(({ _count, createdAt: _c, updatedAt: _u, ...o }) => ({
    ...o,
    staff: staffBy.get(o.code) ?? 0,
    supervises: _count.supervisedOffices,
  }));
}
