import type { Db } from "@visit-once/prisma";
import { db as defaultDb } from "../db";
import { pick } from "../localised";

/** The offices as choices for a form, named in the page's language, by name. */
export async function officeChoices(locale: string, db: Db = defaultDb()): Promise<{ code: string; name: string }[]> {
  const offices = await db.office.findMany({ select: { code: true, nameEn: true, nameZh: true } });
  return offices
    .map((o) => ({ code: o.code, name: pick(locale, { en: o.nameEn, zh: o.nameZh }) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}
