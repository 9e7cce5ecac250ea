import type { Db } from "@visit-once/prisma";
import { PDFDocument } from "pdf-lib";
import { normaliseVerificationCode } from "@/lib/verification-code";
import { db as defaultDb } from "../db";
import { sha256Hex } from "./register-document-file";
import { type VerifiedDocument, verifyDocument } from "./verify-document";

/** Larger than any certificate this web issues (about 40 KB) by far; anything bigger is not one. */
export const MAX_CERTIFICATE_BYTES = 2 * 1024 * 1024;

/**
 * What an uploaded file proves. genuine: exactly a file this web handed out, for a valid
 * certificate. revoked: such a file, whose certificate was revoked since. altered: it names a
 * real certificate's code but its bytes are not a file handed out (edited, or forged around a
 * valid code). unknown: it names no certificate. invalid: not a PDF this page can read.
 */
export type FileVerdict =
  | { verdict: "genuine" | "revoked" | "altered"; document: VerifiedDocument }
  | { verdict: "unknown" }
  | { verdict: "invalid"; problem: "empty" | "too-large" | "not-pdf" };

const CODE_IN_TEXT = /V[O0]-[0-9A-Z]{4}(?:-[0-9A-Z]{4}){2,5}/g;

/** The verification code a PDF names: its keywords (where certificates carry it), else any code-shaped text in its bytes. */
async function codeNamedBy(bytes: Uint8Array): Promise<string | null> {
  try {
    const pdf = await PDFDocument.load(bytes, {
      updateMetadata: false,
      ignoreEncryption: true,
      throwOnInvalidObject: false,
    });
    for (const candidate of [pdf.getKeywords(), pdf.getSubject()]) {
      const code = candidate?.match(CODE_IN_TEXT)?.map(normaliseVerificationCode).find(Boolean);
      if (code) return code;
    }
  } catch {
    // A damaged PDF may still name its code in plain bytes.
  }
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  // Text strings as PDF writes them: literal, or hex UTF-16 (<FEFF…>, how certificates carry their keywords).
  const hexTexts = Array.from(raw.matchAll(/<FEFF((?:[0-9A-Fa-f]{4})+)>/g), (m) =>
    Buffer.from(m[1]!, "hex").swap16().toString("utf16le"),
  );
  for (const text of [raw, ...hexTexts]) {
    const code = text
      .match(CODE_IN_TEXT)
      ?.map(normaliseVerificationCode)
      .find((c): c is string => c !== null);
    if (code) return code;
  }
  return null;
}

export async function verifyDocumentFile(bytes: Uint8Array, db: Db = defaultDb()): Promise<FileVerdict> {
  if (bytes.byteLength === 0) return { verdict: "invalid", problem: "empty" };
  if (bytes.byteLength > MAX_CERTIFICATE_BYTES) return { verdict: "invalid", problem: "too-large" };
  if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-")
    return { verdict: "invalid", problem: "not-pdf" };

  const registered = await db.issuedDocumentFile.findUnique({
    where: { sha256: sha256Hex(bytes) },
    select: { verificationCode: true },
  });
  if (registered) {
    const document = await verifyDocument(registered.verificationCode, db);
    if (document) return { verdict: document.revokedAt ? "revoked" : "genuine", document };
  }
  const code = await codeNamedBy(bytes);
  const document = code ? await verifyDocument(code, db) : null;
  return document ? { verdict: "altered", document } : { verdict: "unknown" };
}
