import type { ReactNode } from "react";
import { requireQueue } from "@/server/staff/staff-access";

// The access check runs here, before anything streams, so a refusal answers 404.
export default async function CalendarLayout({ children }: { children: ReactNode }) {
  await requireQueue("calendar");
  return children;
}
