import { NextResponse } from "next/server";
import { getApplication } from "@/server/applications/get-application";
import { requireApiUser } from "@/server/session";

export const dynamic = "force-dynamic";

/** One application with its steps and records; 404 for anyone but its owner. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await requireApiUser();
  if (!auth.ok) return auth.response;
  const { id } = await params;
  const app = await getApplication(id, auth.user.id);
  if (!app) return NextResponse.json({ error: "Application not found." }, { status: 404 });
  return NextResponse.json(app, { headers: { "Cache-Control": "no-store" } });
}
