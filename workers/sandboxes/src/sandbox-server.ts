import http from "node:http";
import { type Faults, corruptJsonText, delayFor, faultsSchema } from "./faults";
import { sameSecret } from "./same-secret";
import { type CorrectionEndpoint, isResponse, type ParsedCorrection } from "./corrections";

export interface SandboxResponse {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

export interface SandboxDefinition {
  code: string;
  /** Reads the credential from the request in the department's own way. */
  credential(req: http.IncomingMessage): string | undefined;
  handle(url: URL): SandboxResponse | Promise<SandboxResponse>;
  /** The department's correction endpoint, in its native style (same credential as its reads). */
  correction?: CorrectionEndpoint;
  /** Applies a parsed correction to the department's own data; false when it holds no such record. */
  applyCorrection?(c: ParsedCorrection): Promise<boolean>;
}

/** A correction request: parsed natively, applied to the department's data, answered natively. */
async function correct(def: SandboxDefinition, url: URL, body: string): Promise<SandboxResponse> {
  const parsed = def.correction!.parse(url, body);
  if (isResponse(parsed)) return parsed;
  const applied = await def.applyCorrection!(parsed);
  return def.correction!.answer(applied, url, body);
}

export interface RunningSandbox {
  url: string;
  faults: Faults;
  close(): Promise<void>;
}

const json = (status: number, value: unknown): SandboxResponse => ({
  status,
  contentType: "application/json; charset=utf-8",
  body: JSON.stringify(value),
});

/**
 * Serves one department's native API with its own key, plus `/health` and an admin
 * endpoint (`GET`/`PUT /admin/faults`, guarded by the admin key) to inject latency and faults.
 */
export function startSandbox(
  def: SandboxDefinition,
  options: { port: number; key: string; adminKey: string; faults: Faults; host?: string },
): Promise<RunningSandbox> {
  const state = { faults: options.faults };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://sandbox");
    const send = (r: SandboxResponse) => {
      res.writeHead(r.status, { "content-type": r.contentType, ...r.headers });
      res.end(r.body);
    };
    if (url.pathname === "/health") return send(json(200, { status: "ok", department: def.code }));
    if (url.pathname === "/admin/faults") {
      const adminKey = req.headers["x-admin-key"];
      if (!sameSecret(typeof adminKey === "string" ? adminKey : undefined, options.adminKey))
        return send(json(401, { error: "admin key required" }));
      if (req.method === "GET") return send(json(200, state.faults));
      let raw = "";
      req.on("data", (d: Buffer) => (raw += d.toString()));
      req.on("end", () => {
        let body: unknown;
        try {
          body = JSON.parse(raw || "{}");
        } catch {
          return send(json(400, { error: "body must be JSON" }));
        }
        const parsed = faultsSchema.safeParse(body);
        if (!parsed.success)
          return send(
            json(400, { error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") }),
          );
        state.faults = parsed.data;
        send(json(200, state.faults));
      });
      return;
    }
    const faults = state.faults;
    const writing =
      req.method !== "GET" &&
      req.method !== "HEAD" &&
      def.correction?.matches(url, req.method ?? "") === true &&
      def.applyCorrection !== undefined;
    let body = "";
    if (writing) req.on("data", (d: Buffer) => (body += d.toString()));
    const started = writing ? new Promise<void>((done) => req.on("end", done)) : Promise.resolve();
    void started.then(() =>
      setTimeout(
        () => {
          if (faults.outageUntil && Date.parse(faults.outageUntil) > Date.now()) {
            return send(json(503, { error: "system under maintenance" }));
          }
          if (!sameSecret(def.credential(req), options.key)) return send(json(401, { error: "invalid credentials" }));
          if (faults.errorRate > 0 && Math.random() < faults.errorRate)
            return send(json(500, { error: "internal error" }));
          if (!writing && req.method !== "GET" && req.method !== "HEAD")
            return send(json(405, { error: "method not allowed" }));
          Promise.resolve()
            .then(() => (writing ? correct(def, url, body) : def.handle(url)))
            .then((r) =>
              faults.corruptText && r.status === 200 && r.contentType.includes("json")
                ? { ...r, body: corruptJsonText(r.body) }
                : r,
            )
            .then(send, (e: Error) => send(json(500, { error: e.message })));
        },
        delayFor(faults, Math.random),
      ),
    );
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : options.port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        get faults() {
          return state.faults;
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
