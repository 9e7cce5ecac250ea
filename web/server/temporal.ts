import { Client, Connection } from "@temporalio/client";
import { OpenTelemetryWorkflowClientInterceptor } from "@temporalio/interceptors-opentelemetry/lib/client";
import { EncryptionCodec } from "@visit-once/workflows/contracts/payload-codec";
import { env } from "@/env";

const globalForTemporal = globalThis as unknown as { visitOnceTemporal?: Promise<Client> };

async function connect(): Promise<Client> {
  const e = env();
  const { namespace, ...options } = e.temporal;
  const connection = await Connection.connect({ ...options, connectTimeout: "3 seconds" });
  // Sealed like every worker's payloads: the server never holds a citizen's data in clear. The
  // tracing interceptor puts the request's trace context in the workflow's headers (no-op when tracing is off).
  return new Client({
    connection,
    namespace,
    dataConverter: { payloadCodecs: [await temporalCodec()] },
    interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] },
  });
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
