import { Client, Connection, type DataConverter } from "@temporalio/client";
import { type CodecKey, EncryptionCodec } from "@visit-once/workflows/contracts/payload-codec";
import { makeTelemetryFilterString, NativeConnection, Runtime } from "@temporalio/worker";
import type { Logger } from "pino";
import { createLogger, temporalLogger } from "./logger";
import { observabilitySettings, type TemporalSettings, temporalCodecKeys, trustOffForBench } from "./env";

/** The options both connection kinds take; envconfig has already read the CA and client certificate files. */
function connectionOptions(settings: TemporalSettings) {
  return { address: settings.address, tls: settings.tls, apiKey: settings.apiKey, metadata: settings.metadata };
}

export async function connectWorker(settings: TemporalSettings): Promise<NativeConnection> {
  return NativeConnection.connect(connectionOptions(settings));
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
export async function connectClient(
  settings: TemporalSettings,
  keys: readonly CodecKey[],
): Promise<{ client: Client; close(): Promise<void> }> {
  const connection = await Connection.connect(connectionOptions(settings));
  const dataConverter = await codecDataConverter(keys);
  return {
    client: new Client({ connection, namespace: settings.namespace, dataConverter }),
    close: () => connection.close(),
  };
}

/**
 * A worker process's telemetry, installed before anything else: JSON logs through pino (the SDK's
 * own lines, the workflow and activity loggers and Core's lines, forwarded from WARN), and the SDK's
 * Prometheus metrics, with ours (department latency and errors), at `VO_METRICS_ADDRESS` when set.
 */
export function installWorkerTelemetry(processName: string): Logger {
  const settings = observabilitySettings();
  const log = createLogger(processName, settings.logLevel);
  Runtime.install({
    logger: temporalLogger(log),
    telemetryOptions: {
      logging: { forward: {}, filter: makeTelemetryFilterString({ core: "WARN", other: "ERROR" }) },
      ...(settings.metricsAddress ? { metrics: { prometheus: { bindAddress: settings.metricsAddress } } } : {}),
    },
  });
  return log;
}
