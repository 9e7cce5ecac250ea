import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";

/** The ledger's Ed25519 key: the private half signs checkpoints, the public half verifies them. */
export interface LedgerKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SHA-256 of the public key (DER), hex, first 16 characters: names the key in each checkpoint. */
  keyId: string;
}

/**
 * Reads `VO_LEDGER_SIGNING_KEY`: an Ed25519 private key as PEM ("-----BEGIN PRIVATE KEY-----")
 * or as the base64 of its PKCS#8 DER. Throws a message that says what is wrong, never the key.
 */
export function parseLedgerKey(text: string): LedgerKey {
  const trimmed = text.trim();
  let privateKey: KeyObject;
  try {
    privateKey = trimmed.startsWith("-----BEGIN")
      ? createPrivateKey({ key: trimmed, format: "pem" })
      : createPrivateKey({ key: Buffer.from(trimmed, "base64"), format: "der", type: "pkcs8" });
  } catch {
    throw new Error(
      "VO_LEDGER_SIGNING_KEY must be an Ed25519 private key, as PEM or base64 PKCS#8 (e.g. `openssl genpkey -algorithm ed25519`)",
    );
  }
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new Error(
      `VO_LEDGER_SIGNING_KEY must be an Ed25519 key, not ${privateKey.asymmetricKeyType ?? "an unknown type"}`,
    );
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: publicKeyId(publicKey) };
}

export function publicKeyId(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ format: "der", type: "spki" }))
    .digest("hex")
    .slice(0, 16);
}

/** A new key as PEM (the launcher's development default). */
export function generateLedgerKeyPem(): string {
  return generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
}

export function publicKeyPem(key: LedgerKey): string {
  return key.publicKey.export({ format: "pem", type: "spki" }).toString();
}

/** What a checkpoint signs: the entry's place, its hash and when the checkpoint was made. */
function checkpointMessage(seq: bigint, hash: string, at: Date): Buffer {
  return Buffer.from(`visit-once-ledger-checkpoint\n${seq}\n${hash}\n${at.toISOString()}`);
}

export function signCheckpoint(key: LedgerKey, seq: bigint, hash: string, at: Date): string {
  return sign(null, checkpointMessage(seq, hash, at), key.privateKey).toString("base64");
}

export function checkpointSignatureValid(
  publicKey: KeyObject,
  seq: bigint,
  hash: string,
  at: Date,
  signature: string,
): boolean {
  try {
    return verify(null, checkpointMessage(seq, hash, at), publicKey, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}
