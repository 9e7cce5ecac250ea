import { NextResponse } from "next/server";
import { publicKeyPem } from "@visit-once/prisma/ledger";
import { env } from "@/env";

export const dynamic = "force-dynamic";

/** The access ledger's checkpoint public key, for anyone who wants to check the signatures themselves. */
export function GET() {
  const key = env().ledgerKey;
  if (!key) return NextResponse.json({ error: "not-found" }, { status: 404 });
  return NextResponse.json(
    { algorithm: "Ed25519", keyId: key.keyId, publicKey: publicKeyPem(key) },
    { headers: { "Cache-Control": "public, max-age=300" } },
  );
}
