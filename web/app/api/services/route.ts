import { SERVICES } from "@visit-once/workflows/contracts";
import { NextResponse } from "next/server";

/** The service catalogue. */
export function GET() {
  return NextResponse.json(Object.values(SERVICES));
}
