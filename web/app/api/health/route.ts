import { NextResponse } from "next/server";
import { checkHealth, isHealthy } from "@/server/health/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkHealth();
  return NextResponse.json(report, {
    status: isHealthy(report) ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
