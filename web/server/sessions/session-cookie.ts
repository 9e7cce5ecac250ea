import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env } from "@/env";
import { sessionCookie } from "../auth";

/**
 * Sets next-auth's session cookie for a session started outside next-auth (the sign-in form's
 * action): the same encrypted token next-auth issues, carrying only the session and user ids.
 */
export async function setSessionCookie(sessionId: string, userId: string): Promise<void> {
  const e = env();
  const cookie = sessionCookie(e);
  const token = await encode({
    token: { sid: sessionId, uid: userId, sub: userId },
    secret: e.NEXTAUTH_SECRET,
    maxAge: e.VO_SESSION_MAX_SECONDS,
  });
  (await cookies()).set(cookie.name, token, { ...cookie.options, maxAge: e.VO_SESSION_MAX_SECONDS });
}

export async function clearSessionCookie(): Promise<void> {
  const cookie = sessionCookie(env());
  (await cookies()).set(cookie.name, "", { ...cookie.options, maxAge: 0 });
}
