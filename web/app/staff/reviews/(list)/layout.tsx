import type { ReactNode } from "react";
import { requireQueue } from "@/server/staff/staff-access";

// The access check runs here, outside the page's loading boundary, so a refusal answers 404.
export default async function ReviewListLayout({ children }: { children: ReactNode }) {
  await requireQueue("reviews");
  return children;
}
