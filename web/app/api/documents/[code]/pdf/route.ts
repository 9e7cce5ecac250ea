import { NextResponse } from "next/server";
import { findOwnedDocument } from "@/server/documents/find-owned-document";
import { renderDocumentPdf } from "@/server/documents/render-document-pdf";
import { officeLabel, serviceLabel } from "@/server/localised";
import { requireApiUser } from "@/server/session";

export const dynamic = "force-dynamic";

/** An outcome document as a PDF, for the citizen whose case issued it; 404 for everyone else. */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const auth = await requireApiUser();
  if (!auth.ok) return auth.response;
  const { code } = await params;
  const doc = await findOwnedDocument(auth.user, code);
  if (!doc) return NextResponse.json({ error: "Document not found." }, { status: 404 });
  const bytes = await renderDocumentPdf({
    titleEn: doc.titleEn,
    serviceTitleEn: serviceLabel("en", doc.serviceCode),
    issuedByEn: officeLabel("en", doc.issuedBy),
    issuedAt: doc.issuedAt,
    verificationCode: doc.verificationCode,
    applicationId: doc.applicationId,
    revoked: doc.revokedAt !== null,
    verifyUrl: new URL("/verify", request.url).toString(),
  });
  return new NextResponse(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${doc.key}-${doc.verificationCode}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
