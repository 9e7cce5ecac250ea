"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { formatDay } from "@/lib/dates";
import { MAX_CERTIFICATE_BYTES, verifyDocumentFile } from "@/server/documents/verify-document-file";
import { requestAddress } from "@/server/limits/request-address";
import { takeRequest } from "@/server/limits/request-limits";
import { officeLabel, pick } from "@/server/localised";

// Public, like checking a code: an uploaded certificate is checked against the hashes of the
// files handed out. Nothing is stored and nothing about the holder is shown.

export type FileProblem = "missing" | "too-large" | "not-pdf" | "empty" | "throttled";

export type VerifyFileState =
  | { kind: "idle" }
  | { kind: "problem"; problem: FileProblem }
  | {
      kind: "verdict";
      verdict: "genuine" | "altered" | "revoked";
      document: { title: string; issuedBy: string; issuedAt: string; revokedAt: string | null; code: string };
    }
  | { kind: "verdict"; verdict: "unknown" };

const PDF_TYPES = new Set(["application/pdf", "application/x-pdf"]);

export async function verifyFileAction(_prev: VerifyFileState, form: FormData): Promise<VerifyFileState> {
  const file = form.get("file");
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return { kind: "problem", problem: "missing" };
  if (file.size === 0) return { kind: "problem", problem: "empty" };
  if (file.size > MAX_CERTIFICATE_BYTES) return { kind: "problem", problem: "too-large" };
  if (!PDF_TYPES.has(file.type)) return { kind: "problem", problem: "not-pdf" };
  const limit = await takeRequest("verify", requestAddress(await headers()));
  if (!limit.ok) return { kind: "problem", problem: "throttled" };

  const result = await verifyDocumentFile(new Uint8Array(await file.arrayBuffer()));
  if (result.verdict === "invalid") return { kind: "problem", problem: result.problem };
  if (result.verdict === "unknown") return { kind: "verdict", verdict: "unknown" };
  const locale = await getLocale();
  const date = (iso: string) => formatDay(iso, locale);
  const d = result.document;
  return {
    kind: "verdict",
    verdict: result.verdict,
    document: {
      title: pick(locale, { en: d.titleEn, zh: d.titleZh }),
      issuedBy: officeLabel(locale, d.issuedBy),
      issuedAt: date(d.issuedAt),
      revokedAt: d.revokedAt ? date(d.revokedAt) : null,
      code: d.verificationCode,
    },
  };
}
