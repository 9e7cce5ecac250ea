import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_SMS_GATEWAY_KEY } from "@visit-once/workers/env";

// The SMS gateway sandbox: a stand-in for a commercial SMS provider, in that kind of provider's
// own request format (JSON with mobile, sign name, template code and content; an API key
// header; the sender's own id `outId`, by which a repeat is answered with the first message's
// id and sent once). It keeps what it "sent" in memory for the development mailbox page.

const DEFAULT_SMS_GATEWAY_PORT = 4109;

export interface SentSms {
  bizId: string;
  outId: string;
  mobile: string;
  signName: string;
  content: string;
  sentAt: string;
}

export interface RunningSmsGateway {
  url: string;
  sent: SentSms[];
  close(): Promise<void>;
}

const MOBILE = /^1[3-9]\d{9}$/;

async function body(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error("too large");
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

export async function startSmsGateway({
  port = DEFAULT_SMS_GATEWAY_PORT,
  host = "127.0.0.1",
  key = DEFAULT_SMS_GATEWAY_KEY,
} = {}): Promise<RunningSmsGateway> {
  const sent: SentSms[] = [];
  const server = http.createServer((req, res) => {
    const answer = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(value));
    };
    const url = new URL(req.url ?? "/", "http://sandbox");
    if (url.pathname === "/health") return answer(200, { status: "ok" });
    if (req.headers["x-api-key"] !== key)
      return answer(401, { code: "InvalidApiKey", message: "The API key is missing or wrong." });
    if (req.method === "GET" && url.pathname === "/sms/v2/messages") {
      const mobile = url.searchParams.get("mobile");
      return answer(200, { messages: sent.filter((m) => m.mobile === mobile).reverse() });
    }
    if (req.method !== "POST" || url.pathname !== "/sms/v2/send") return answer(404, { code: "NotFound" });
    body(req).then(
      (raw) => {
        const m = raw as Partial<Record<"mobile" | "signName" | "templateCode" | "content" | "outId", unknown>>;
        if (typeof m.mobile !== "string" || !MOBILE.test(m.mobile))
          return answer(400, { code: "InvalidMobile", message: "mobile must be a mainland mobile number." });
        if (typeof m.content !== "string" || !m.content.trim() || m.content.length > 500)
          return answer(400, { code: "InvalidContent", message: "content is required (at most 500 characters)." });
        if (typeof m.outId !== "string" || !m.outId)
          return answer(400, { code: "InvalidOutId", message: "outId is required." });
        const prior = sent.find((s) => s.outId === m.outId);
        if (prior) return answer(200, { code: "OK", bizId: prior.bizId });
        const sms: SentSms = {
          bizId: randomUUID(),
          outId: m.outId,
          mobile: m.mobile,
          signName: typeof m.signName === "string" ? m.signName : "",
          content: m.content,
          sentAt: new Date().toISOString(),
        };
        sent.push(sms);
        return answer(200, { code: "OK", bizId: sms.bizId });
      },
      () => answer(400, { code: "InvalidBody", message: "The body must be JSON." }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    sent,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
