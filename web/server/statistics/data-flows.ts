import type { Db } from "@visit-once/prisma";
import type { StatisticsScope } from "./statistics-scope";

export interface DataFlow {
  /** The department whose records were used. */
  department: string;
  serviceCode: string;
  /** Records it sent to cases of the service (fetched, or taken from an e-certificate it had issued). */
  records: number;
  cases: number;
  /** Of them, taken from an e-certificate instead of fetched again. */
  fromCertificates: number;
}

/**
 * Which department's records served which services, and how often: the evidence the cases
 * received in the window, per department and service. An office's own figures: its records.
 */
export async function dataFlows(db: Db, { office, from, to }: StatisticsScope): Promise<DataFlow[]> {
  const rows = await db.$queryRaw<
    { department: string; service: string; records: bigint; cases: bigint; certificates: bigint }[]
  >`
    SELECT e."departmentCode" AS department, a."serviceCode" AS service, count(*) AS records,
      count(DISTINCT e."applicationId") AS cases, count(*) FILTER (WHERE e."certificateCode" IS NOT NULL) AS certificates
    FROM "EvidenceRecord" e JOIN "Application" a ON a.id = e."applicationId"
    WHERE e."retrievedAt" >= ${from} AND e."retrievedAt" < ${to}
      AND (${office}::text IS NULL OR e."departmentCode" = ${office}::text)
    GROUP BY 1, 2
    ORDER BY 1, 2`;
  return rows.map((r) => ({
    department: r.department,
    serviceCode: r.service,
    records: Number(r.records),
    cases: Number(r.cases),
    fromCertificates: Number(r.certificates),
  }));
}
