// SMS through an adapter: the gateway's own request format lives here alone, so another
// provider is another adapter. The development default is the SMS gateway sandbox.

export interface Sms {
  /** The message's row id: the gateway's `outId`, by which it sends a repeat once. */
  notificationId: string;
  mobile: string;
  content: string;
}

/** Sends one SMS; `null` when this deployment sends none. */
export type SmsSender = ((sms: Sms) => Promise<void>) | null;

export interface SmsSettings {
  url?: string;
  key: string;
}

export function createSmsSender(settings: SmsSettings): SmsSender {
  if (!settings.url) return null;
  const url = `${settings.url.replace(/\/+$/, "")}/sms/v2/send`;
  return async ({ notificationId, mobile, content }) => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": settings.key },
      body: JSON.stringify({ mobile, signName: "一次办", templateCode: "VO_NOTIFY", content, outId: notificationId }),
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await res.json().catch(() => ({}))) as { code?: unknown };
    // Never the number in the error: it is kept on the message's row.
    if (!res.ok || answer.code !== "OK")
      throw new Error(
        `The SMS gateway refused the message: HTTP ${res.status} ${typeof answer.code === "string" ? answer.code : ""}`.trim(),
      );
  };
}
