import { database } from "./accounts";

/** The account id behind a demo email. */
export async function accountId(email: string): Promise<string> {
  return (await database().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** The access-ledger entries by `email`'s account on one case, of one kind, oldest first (read from the stack's database). */
export async function ledgerEntriesBy(email: string, applicationId: string, action: string) {
  return database().accessEvent.findMany({
    where: { actorId: await accountId(email), applicationId, action },
    orderBy: { seq: "asc" },
  });
}
