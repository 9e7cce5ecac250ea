import { randomUUID } from "node:crypto";
import { createPrisma } from "@visit-once/prisma";

const DAY = 86_400_000;

/**
 * Completed cases in a month about ten months back, which no other spec writes in: six
 * retirements (Human Resources' pension step, its records) and two school enrolments (the
 * Education Bureau's step). The public page shows the six and suppresses the two; staff see both.
 * Returns that month (China time, YYYY-MM).
 */
export async function seedPastCases(): Promise<string> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is unset: run the e2e tests through `npm test -- e2e`.");
  const db = createPrisma(url);
  // The 10th of the month 300 days back, 10:00 China time: well inside the pages' twelve months.
  const back = new Date(Date.now() - 300 * DAY);
  const submitted = Date.UTC(back.getUTCFullYear(), back.getUTCMonth(), 10, 2);
  const month = new Date(submitted + 8 * 3_600_000).toISOString().slice(0, 7);
  try {
    const citizen = await db.user.create({
      data: {
        email: `statistics-${randomUUID()}@test.visit-once.local`,
        name: "Seeded Applicant",
        passwordHash: "-",
        role: "CITIZEN",
      },
    });
    const cases: [string, string, string, string | null][] = [
      ...Array.from(
        { length: 6 },
        () =>
          ["retirement", "pension-approval", "human-resources", "social-insurance"] as [string, string, string, string],
      ),
      ...Array.from(
        { length: 2 },
        () => ["school-enrolment", "placement", "education", null] as [string, string, string, null],
      ),
    ];
    for (const [i, [serviceCode, key, office, recordType]] of cases.entries()) {
      const at = submitted + i * 60_000;
      await db.application.create({
        data: {
          id: randomUUID(),
          serviceCode,
          citizenId: citizen.id,
          status: "COMPLETED",
          consent: {},
          submittedAt: new Date(at),
          completedAt: new Date(at + 2 * DAY),
          steps: {
            create: [
              {
                key,
                position: 10,
                kind: "DEPARTMENT",
                departmentCode: office,
                status: "DONE",
                startedAt: new Date(at + 3_600_000),
                completedAt: new Date(at + 5 * 3_600_000),
              },
            ],
          },
          ...(recordType
            ? {
                records: {
                  create: [
                    {
                      recordType,
                      departmentCode: office,
                      sourceRecordId: "seeded",
                      retrievedAt: new Date(at + 60_000),
                      rawSha256: "seeded",
                      data: {},
                    },
                  ],
                },
              }
            : {}),
        },
      });
    }
  } finally {
    await db.$disconnect();
  }
  return month;
}
