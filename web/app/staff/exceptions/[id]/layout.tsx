import type { ReactNode } from "react";
import { requireException } from "@/server/staff/require-exception";

// The access check runs here, outside the page's loading boundary, so a refusal answers 404.
export default async function ExceptionLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  await requireException((await params).id);
  return children;
}
