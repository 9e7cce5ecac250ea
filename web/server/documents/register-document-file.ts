import { createHash } from "node:crypto";
import type { Db } from "@visit-once/prisma";
import { db as defaultDb } from "../db";
import type { CertificateLanguages } from "./render-document-pdf";

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Registers the hash of a certificate file as it is handed out, so /verify recognises exactly
 * these bytes. The same certificate renders to the same bytes, so a second download registers nothing new.
 */
export async function registerDocumentFile(
  verificationCode: string,
  languages: CertificateLanguages,
  bytes: Uint8Array,
  db: Db = defaultDb(),
): Promise<string> {
  const sha256 = sha256Hex(bytes);
  await db.issuedDocumentFile.createMany({ data: [{ sha256, verificationCode, languages }], skipDuplicates: true });
  return sha256;
}
