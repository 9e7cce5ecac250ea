import { notFound, redirect } from "next/navigation";
import { decide } from "@/server/access/policy";
import { homeOffice } from "@/server/ledger/require-shared-data";
import { requireUser } from "@/server/session";

/** To the signed-in officer's own office (an administrator: the first office); anyone else: the standard 404. */
export default async function SharedDataHome() {
  const user = await requireUser();
  const office = homeOffice(user);
  if (!decide(user, "list", { kind: "shared-data", office }).allowed) notFound();
  redirect(`/staff/shared-data/${office}`);
}
