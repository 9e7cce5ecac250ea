import type { Db } from "@visit-once/prisma";
import { isUuid } from "@/lib/validation";
import { db as defaultDb } from "../db";
import { citizenCasesWhere } from "./case-access";

/**
 * A fingerprint of every row the citizen's case page shows (getApplication): the case, her name,
 * and each table it reads by the case's id, as the count of its rows and the sum of their `xmin`
 * (PostgreSQL's row version: every insert or update writes a new one, a delete changes the count).
 * One statement over the tables' case-id indexes, without reading or decrypting a record: the page
 * polls it every second and reads the case again only when it changed. New row versions only grow,
 * so the same version means the same rows.
 *
 * Left out, as the page cannot change through them: the certificates a record was taken from
 * (their code, date and office never change once issued).
 */
const VERSION_SQL = `
SELECT md5(concat_ws('|', a.xmin::text,
  (SELECT u.xmin::text FROM "User" u WHERE u.id = a."citizenId"),
  ${[
    "ApplicationStep",
    "EvidenceRecord",
    "InformationRequest",
    "CaseEvent",
    "IssuedDocument",
    "ServiceRating",
    "RatingRectification",
    "CaseException",
  ]
    .map(
      (table) =>
        `(SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM "${table}" WHERE "applicationId" = a.id)`,
    )
    .join(",\n  ")})) AS version
FROM "Application" a WHERE a.id = $1::uuid`;

/**
 * The case's version for its owner, or the person it is about; null for anyone else or an unknown
 * case. The access rule is case-access.ts's, read at the same time as the version (two queries in
 * parallel, so the rule stays in one place).
 */
export async function applicationVersion(
  applicationId: string,
  citizenId: string,
  db: Db = defaultDb(),
): Promise<string | null> {
  if (!isUuid(applicationId) || !isUuid(citizenId)) return null;
  const [reachable, rows] = await Promise.all([
    db.application.findFirst({
      where: { id: applicationId, ...citizenCasesWhere(citizenId) },
      select: { id: true },
    }),
    db.$queryRawUnsafe<{ version: string }[]>(VERSION_SQL, applicationId),
  ]);
  return reachable ? (rows[0]?.version ?? null) : null;
}

/** The entity tag a version is sent as (the API route's, and the case page's first one). */
export function versionTag(version: string): string {
  return `"${version}"`;
}

/** Whether an `If-None-Match` header names this entity tag (a list, or weak tags, as browsers send them). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === etag || tag === "*";
  });
}
