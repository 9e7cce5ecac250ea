import type { ReactNode } from "react";
import { StaffNav } from "@/components/staff/staff-nav";
import { currentUser } from "@/server/session";
import { STAFF_ROLES } from "@/server/staff/staff-home";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <>
      {user && STAFF_ROLES.includes(user.role) && <StaffNav user={user} />}
      {children}
    </>
  );
}
