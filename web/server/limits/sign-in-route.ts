import { recordSignIn } from "../access/record-sign-in";
import { withLockChecked } from "./lock-checked";
import { requestAddress } from "./request-address";
import { signInThrottle } from "./sign-in-throttle";
import { tooManyRequests } from "./too-many-requests";

/**
 * Before next-auth checks a password: a locked account or address gets 429 with `Retry-After`,
 * recorded as a "locked" sign-in, and no password is checked. The body keeps next-auth's
 * `{ url }` shape so its client reads `error=Throttled` (the form says so in words). Otherwise
 * `next` runs knowing what was checked, so `authorizeCredentials` does not check it again.
 */
export async function refuseLockedSignIn(request: Request, next: () => Promise<Response>): Promise<Response> {
  if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/callback/credentials")) return next();
  let email = "";
  try {
    const form = await request.clone().formData();
    email = String(form.get("email") ?? "")
      .trim()
      .toLowerCase()
      .slice(0, 320);
  } catch {
    return next(); // next-auth answers a malformed body itself
  }
  if (!email) return next();
  const address = requestAddress(request.headers);
  const verdict = await signInThrottle().check(email, address);
  if (verdict.ok) return withLockChecked(email, address, next);
  await recordSignIn(email, address, { ok: false, reason: "locked" });
  const url = new URL("/signin", request.url);
  url.searchParams.set("error", "Throttled");
  return tooManyRequests(verdict.retryAfterSeconds, { url: url.toString() });
}
