import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { findService } from "@visit-once/workflows/contracts";

// Deciding "not found" here, outside the page's loading boundary, lets the response be a real 404.
export default async function GuideLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ code: string }>;
}) {
  const { code } = await params;
  if (!findService(code)) notFound();
  return children;
}
