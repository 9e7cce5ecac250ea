import { NextResponse } from "next/server";
import { getLocale } from "next-intl/server";
import { findService, isStepOffice, officeName } from "@visit-once/workflows/contracts";
import { findOwnedDocument } from "@/server/documents/find-owned-document";
import { publicVerifyUrl } from "@/server/documents/public-verify-url";
import { registerDocumentFile } from "@/server/documents/register-document-file";
import { renderDocumentPdf } from "@/server/documents/render-document-pdf";
import { requireApiUser } from "@/server/session";

export const dynamic = "force-dynamic";

/**
 * An e-certificate as a PDF, for the citizen whose case issued it; 404 for everyone else. In
 * Chinese, with English as well for a citizen reading English; its hash is registered for /verify.
 */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const auth = await requireApiUser();
  if (!auth.ok) return auth.response;
  const { code } = await params;
  const doc = await findOwnedDocument(auth.user, code);
  if (!doc) return NextResponse.json({ error: "Document not found." }, { status: 404 });
  const languages = (await getLocale()) === "en" ? "zh+en" : "zh";
  const service = findService(doc.serviceCode)?.title ?? { en: doc.serviceCode, zh: doc.serviceCode };
  const bytes = await renderDocumentPdf({
    languages,
    title: { en: doc.titleEn, zh: doc.titleZh },
    service,
    issuedBy: isStepOffice(doc.issuedBy) ? officeName(doc.issuedBy) : { en: doc.issuedBy, zh: doc.issuedBy },
    holderName: doc.holderName,
    holderIdMasked: doc.holderIdMasked,
    issuedAt: doc.issuedAt,
    verificationCode: doc.verificationCode,
    applicationId: doc.applicationId,
    revoked: doc.revokedAt !== null,
    verifyUrl: publicVerifyUrl(doc.verificationCode, request.url),
  });
  await registerDocumentFile(doc.verificationCode, languages, bytes);
  return new NextResponse(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${doc.key}-${doc.verificationCode}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
