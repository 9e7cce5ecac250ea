import { redirect } from "next/navigation";
import { requireUser } from "@/server/session";
import { STAFF_ROLES, staffHome } from "@/server/staff/staff-home";

/** Each staff role starts in its own workspace. */
export default async function StaffPage() {
  const user = await requireUser(STAFF_ROLES);
  redirect(staffHome(user.role));
}
