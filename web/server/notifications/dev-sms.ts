import { env } from "@/env";

export interface DevSms {
  bizId: string;
  content: string;
  sentAt: string;
}

/** What the SMS gateway sandbox "sent" to `mobile` (development only); null when it cannot be reached. */
export async function listDevSms(mobile: string): Promise<DevSms[] | null> {
  const e = env();
  try {
    const res = await fetch(
      `${e.VO_SMS_GATEWAY_URL.replace(/\/+$/, "")}/sms/v2/messages?mobile=${encodeURIComponent(mobile)}`,
      {
        headers: { "x-api-key": e.VO_SMS_GATEWAY_KEY },
        signal: AbortSignal.timeout(3_000),
        cache: "no-store",
      },
    );
    if (!res.ok) return null;
    const { messages } = (await res.json()) as { messages: DevSms[] };
    return messages.slice(0, 50);
  } catch {
    return null;
  }
}
