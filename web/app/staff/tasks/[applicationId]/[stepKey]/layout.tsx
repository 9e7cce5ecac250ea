import type { ReactNode } from "react";
import { decodeSegment } from "@/server/staff/path-segment";
import { requireTask } from "@/server/staff/require-task";

// The access check runs here, outside the page's loading boundary, so a refusal answers 404.
export default async function TaskLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ applicationId: string; stepKey: string }>;
}) {
  const { applicationId, stepKey } = await params;
  await requireTask(applicationId, decodeSegment(stepKey));
  return children;
}
