import { NextResponse } from "next/server";
import { applicationVersion, matchesEtag, versionTag } from "@/server/applications/application-version";
import { getApplication } from "@/server/applications/get-application";
import { requireApiUser } from "@/server/session";

export const dynamic = "force-dynamic";

/**
 * One application with its steps and records; 404 for anyone but its owner. Its entity tag is the
 * case's version, taken before the read (a write landing during it only makes the next poll read
 * again): a poll that sends it back while nothing changed gets 304 without the case being read.
 * Personal data, so never stored by a cache: the case page keeps the tag itself.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await requireApiUser();
  if (!auth.ok) return auth.response;
  const { id } = await params;
  const version = await applicationVersion(id, auth.user.id);
  if (!version) return notFound();
  const headers = { "Cache-Control": "no-store", ETag: versionTag(version) };
  if (matchesEtag(request.headers.get("if-none-match"), headers.ETag))
    return new Response(null, { status: 304, headers });
  const app = await getApplication(id, auth.user.id);
  if (!app) return notFound();
  return NextResponse.json(app, { headers });
}

const notFound = () => NextResponse.json({ error: "Application not found." }, { status: 404 });
