import { readFile } from "node:fs/promises";
import { Client, Connection, type DataConverter } from "@temporalio/client";
import { type CodecKey, EncryptionCodec } from "@visit-once/workflows/contracts/payload-codec";
import { DefaultLogger, NativeConnection, Runtime } from "@temporalio/worker";
import { formatLogMeta } from "./log-meta";
import { type TemporalSettings, temporalCodecKeys, trustOffForBench } from "./env";

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

/** Every client and worker seals its payloads with the codec (AES-256-GCM), so the server holds none in clear. */
export async function codecDataConverter(keys: readonly CodecKey[]): Promise<DataConverter> {
  return { payloadCodecs: [await EncryptionCodec.create(keys)] };
}

/** A worker's data converter: the codec with the configured keys (none only in the bench's trust-off run). */
export async function workerDataConverter(): Promise<DataConverter> {
  return trustOffForBench() ? {} : codecDataConverter(temporalCodecKeys());
}

/** A client for operator commands (reconciliation), with the workers' connection settings and codec. */
export async function connectClient(settings: TemporalSettings, keys: readonly CodecKey[]): Promise<{ client: Client; close(): Promise<void> }> {
  const connection = await Connection.connect(await connectionOptions(settings));
  const dataConverter = await codecDataConverter(keys);
  return { client: new Client({ connection, namespace: settings.namespace, dataConverter }), close: () => connection.close() };
}

/**
 * Worker logs at WARN and above, minus the notice that a department worker has no
 * workflows (by design: department workers run activities only).
 */
export function installWorkerLogging(): void {
  Runtime.install({
    logger: new DefaultLogger("WARN", (entry) => {
      if (entry.message.startsWith("No workflows registered")) return;
      console.error(`${entry.level} ${entry.message}`, entry.meta ? formatLogMeta(entry.meta) : "");
    }),
  });
}
