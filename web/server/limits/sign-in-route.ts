import { recordSignIn } from "../access/record-sign-in";
import { requestAddress } from "./request-address";
import { signInThrottle } from "./sign-in-throttle";
import { tooManyRequests } from "./too-many-requests";

/**
 * Before next-auth checks a password: a locked account or address gets 429 with `Retry-After`,
 * recorded as a "locked" sign-in, and no password is checked. The body keeps next-auth's
 * `{ url }` shape so its client reads `error=Throttled` (the form says so in words).
 */
export async function refuseLockedSignIn(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/callback/credentials")) return null;
  let email = "";
  try {
    const form = await request.clone().formData();
    email = String(form.get("email") ?? "").trim().toLowerCase().slice(0, 320);
  } catch {
    return null; // next-auth answers a malformed body itself
  }
  if (!email) return null;
  const address = requestAddress(request.headers);
  const verdict = await signInThrottle().check(email, address);
  if (verdict.ok) return null;
  await recordSignIn(email, address, { ok: false, reason: "locked" });
  const url = new URL("/signin", request.url);
  url.searchParams.set("error", "Throttled");
  return tooManyRequests(verdict.retryAfterSeconds, { url: url.toString() });
}
