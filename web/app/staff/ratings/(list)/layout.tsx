import type { ReactNode } from "react";
import { requireRectifications } from "@/server/ratings/require-rectifications";

// The access check runs here, outside the page's loading boundary, so a refusal answers 404.
export default async function RectificationsLayout({ children }: { children: ReactNode }) {
  await requireRectifications();
  return children;
}
