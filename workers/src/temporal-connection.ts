import { readFile } from "node:fs/promises";
import { Client, Connection } from "@temporalio/client";
import { DefaultLogger, NativeConnection, Runtime } from "@temporalio/worker";
import type { TemporalSettings } from "./env";

async function connectionOptions(settings: TemporalSettings) {
  const tls = settings.tls;
  return {
    address: settings.address,
    tls: tls
      ? tls.clientCert
        ? { clientCertPair: { crt: await readFile(tls.clientCert.certPath), key: await readFile(tls.clientCert.keyPath) } }
        : true
      : undefined,
    apiKey: tls?.apiKey,
  };
}

export async function connectWorker(settings: TemporalSettings): Promise<NativeConnection> {
  return NativeConnection.connect(await connectionOptions(settings));
}

/** A client for operator commands (reconciliation), with the workers' connection settings. */
export async function connectClient(settings: TemporalSettings): Promise<{ client: Client; close(): Promise<void> }> {
  const connection = await Connection.connect(await connectionOptions(settings));
  return { client: new Client({ connection, namespace: settings.namespace }), close: () => connection.close() };
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
