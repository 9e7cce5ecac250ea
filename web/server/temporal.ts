import { readFile } from "node:fs/promises";
import { Client, Connection } from "@temporalio/client";
import { EncryptionCodec } from "@visit-once/workflows/contracts/payload-codec";
import { env } from "@/env";

const globalForTemporal = globalThis as unknown as { visitOnceTemporal?: Promise<Client> };

async function connect(): Promise<Client> {
  const e = env();
  const useTls = Boolean(e.TEMPORAL_TLS_CERT_PATH || e.TEMPORAL_API_KEY);
  const tls =
    e.TEMPORAL_TLS_CERT_PATH && e.TEMPORAL_TLS_KEY_PATH
      ? {
          clientCertPair: {
            crt: await readFile(e.TEMPORAL_TLS_CERT_PATH),
            key: await readFile(e.TEMPORAL_TLS_KEY_PATH),
          },
        }
      : useTls;
  const connection = await Connection.connect({
    address: e.TEMPORAL_ADDRESS,
    tls,
    apiKey: e.TEMPORAL_API_KEY,
    connectTimeout: "3 seconds",
  });
  // Sealed like every worker's payloads: the server never holds a citizen's data in clear.
  return new Client({ connection, namespace: e.TEMPORAL_NAMESPACE, dataConverter: { payloadCodecs: [await temporalCodec()] } });
}

/** One Temporal client per process. A failed connection is forgotten, so the next call retries. */
export function temporal(): Promise<Client> {
  if (!globalForTemporal.visitOnceTemporal) {
    const pending = connect();
    globalForTemporal.visitOnceTemporal = pending;
    pending.catch(() => {
      if (globalForTemporal.visitOnceTemporal === pending) globalForTemporal.visitOnceTemporal = undefined;
    });
  }
  return globalForTemporal.visitOnceTemporal;
}

const globalForCodec = globalThis as unknown as { visitOnceCodec?: Promise<EncryptionCodec> };

/** The payload codec with the configured keys (the client's, and the UI's codec endpoint's). */
export function temporalCodec(): Promise<EncryptionCodec> {
  globalForCodec.visitOnceCodec ??= EncryptionCodec.create(env().temporalCodecKeys);
  return globalForCodec.visitOnceCodec;
}
