import type { ReactNode } from "react";
import { requireStatistics } from "@/server/statistics/require-statistics";

// The access check runs here, outside the page's loading boundary, so a refusal answers 404.
export default async function OfficeStatisticsLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ office: string }>;
}) {
  await requireStatistics((await params).office);
  return children;
}
