import type { Role } from "@visit-once/prisma";
import { decode } from "next-auth/jwt";
import { NextResponse } from "next/server";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { redirect } from "next/navigation";
import { env } from "@/env";
import { sessionCookie } from "./auth";
import { db } from "./db";
import { checkSession, type LiveSession } from "./sessions/check-session";
import type { SessionUser } from "./sessions/session-user";

export type { SessionUser } from "./sessions/session-user";

/**
 * The server-side session behind the request's cookie, if it is still good (see checkSession),
 * whatever its stage. Read once per request: the layout, the header and the page all ask.
 */
export const currentSession = cache(async (): Promise<LiveSession | null> => {
  // Reading the request first marks the page dynamic before any env is needed (so builds need none).
  await headers();
  const e = env();
  const raw = (await cookies()).get(sessionCookie(e).name)?.value;
  // next-auth's own decoding (encrypted, signed, not past its exp); anything unreadable is signed out.
  const token = raw ? await decode({ token: raw, secret: e.NEXTAUTH_SECRET }).catch(() => null) : null;
  if (typeof token?.sid !== "string" || typeof token.uid !== "string") return null;
  return checkSession(db(), token.sid, token.uid, {
    idleSeconds: e.VO_IDLE_SIGNOUT_SECONDS,
    maxSeconds: e.VO_SESSION_MAX_SECONDS,
  });
});

/**
 * The signed-in user, or null. A session still waiting for its second factor (or enrolment)
 * counts as signed out for everything but those steps (fail closed).
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await currentSession();
  return session?.stage === "ACTIVE" ? session.user : null;
});

/** For pages: signed out → /signin (which sends a pending second factor on); signed in with another role → /. */
export async function requireUser(roles?: readonly Role[]): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  if (roles && !roles.includes(user.role)) redirect("/");
  return user;
}

export type ApiAuth = { ok: true; user: SessionUser } | { ok: false; response: NextResponse };

/** For route handlers: 401 when signed out, 403 when the role is not allowed. */
export async function requireApiUser(roles?: readonly Role[]): Promise<ApiAuth> {
  let user: SessionUser | null;
  try {
    user = await currentUser();
  } catch {
    user = null;
  }
  if (!user) return { ok: false, response: NextResponse.json({ error: "Sign in first." }, { status: 401 }) };
  if (roles && !roles.includes(user.role)) {
    return { ok: false, response: NextResponse.json({ error: "Your account cannot do this." }, { status: 403 }) };
  }
  return { ok: true, user };
}
