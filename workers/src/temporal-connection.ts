import { readFile } from "node:fs/promises";
import { NativeConnection } from "@temporalio/worker";
import type { TemporalSettings } from "./env";

export async function connectWorker(settings: TemporalSettings): Promise<NativeConnection> {
  const tls = settings.tls;
  return NativeConnection.connect({
    address: settings.address,
    tls: tls
      ? tls.certPath && tls.keyPath
        ? { clientCertPair: { crt: await readFile(tls.certPath), key: await readFile(tls.keyPath) } }
        : true
      : undefined,
    apiKey: tls?.apiKey,
  });
}
