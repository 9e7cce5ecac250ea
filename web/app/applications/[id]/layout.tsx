import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { loadOwnApplication } from "./load-application";

// Deciding "not found" here, outside the page's loading boundary, lets the response be a real 404.
export default async function ApplicationLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  if (!(await loadOwnApplication(id))) notFound();
  return children;
}
