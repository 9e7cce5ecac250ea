import { readFile } from "node:fs/promises";
import { DefaultLogger, NativeConnection, Runtime } from "@temporalio/worker";
import type { TemporalSettings } from "./env";

export async function connectWorker(settings: TemporalSettings): Promise<NativeConnection> {
  const tls = settings.tls;
  return NativeConnection.connect({
    address: settings.address,
    tls: tls
      ? tls.clientCert
        ? { clientCertPair: { crt: await readFile(tls.clientCert.certPath), key: await readFile(tls.clientCert.keyPath) } }
        : true
      : undefined,
    apiKey: tls?.apiKey,
  });
}

/**
 * Worker logs at WARN and above, minus the notice that a department worker has no
 * workflows (by design: department workers run activities only).
 */
export function installWorkerLogging(): void {
  Runtime.install({
    logger: new DefaultLogger("WARN", (entry) => {
      if (entry.message.startsWith("No workflows registered")) return;
      console.error(`${entry.level} ${entry.message}`, entry.meta ? JSON.stringify(entry.meta) : "");
    }),
  });
}
