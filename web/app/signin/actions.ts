"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/env";
import { safeCallbackPath } from "@/lib/safe-callback";
import { authorizeCredentials } from "@/server/auth";
import { db } from "@/server/db";
import { requestAddress } from "@/server/limits/request-address";
import { signInThrottle } from "@/server/limits/sign-in-throttle";
import { confirmEnrolment } from "@/server/second-factor/enrolment";
import { verifySecondFactor } from "@/server/second-factor/verify-second-factor";
import { currentSession } from "@/server/session";
import { activateSession } from "@/server/sessions/activate-session";
import { nextStepPath } from "@/server/sessions/next-step";
import { revokeAllSessions, revokeSession } from "@/server/sessions/revoke-sessions";
import { clearSessionCookie, setSessionCookie } from "@/server/sessions/session-cookie";
import { firstStage, startSession } from "@/server/sessions/start-session";

/** What a sign-in step's form shows after a refused attempt (a message key), or the recovery codes after enrolment. */
export interface SignInState {
  error?: "wrong" | "throttled" | "codeWrong" | "codeRequired";
  recoveryCodes?: string[];
}

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/**
 * The sign-in form's action: a POST (with or without JavaScript; Next checks the request's
 * origin), so the password never travels in a URL. Starts a server-side session and sends
 * staff on to their second factor.
 */
export async function signInWithPassword(_prev: SignInState | null, form: FormData): Promise<SignInState> {
  const callbackUrl = safeCallbackPath(field(form, "callbackUrl"));
  const result = await authorizeCredentials(
    { email: field(form, "email"), password: field(form, "password") },
    requestAddress(await headers()),
  );
  if (!result.ok) return { error: result.reason };
  const { user } = result;
  // A session this browser still had (e.g. one left owing its second factor) ends: one browser, one session.
  const previous = await currentSession();
  if (previous) await revokeSession(db(), previous.id, "signed-out");
  const sid = await startSession(db(), user, "credentials");
  await setSessionCookie(sid, user.id);
  redirect(nextStepPath(firstStage(user), callbackUrl));
}

/** The second step for enrolled staff: a TOTP code or a recovery code. */
export async function submitSecondFactor(_prev: SignInState | null, form: FormData): Promise<SignInState> {
  const callbackUrl = safeCallbackPath(field(form, "callbackUrl"));
  const session = await currentSession();
  if (!session || session.stage !== "SECOND_FACTOR") redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  const code = field(form, "code").trim();
  if (!code) return { error: "codeRequired" };
  // Codes are throttled like passwords: six digits must not be guessed by trying them all.
  const address = requestAddress(await headers());
  if (!(await signInThrottle().check(session.user.email, address)).ok) return { error: "throttled" };
  const verified = (await verifySecondFactor(db(), session.user.id, code, env().NEXTAUTH_SECRET)) === "ok";
  await signInThrottle().record(session.user.email, address, verified);
  if (!verified) return { error: "codeWrong" };
  await activateSession(db(), session.id, "SECOND_FACTOR");
  redirect(callbackUrl);
}

/** Confirms enrolment with a first code; the form then shows the recovery codes once. */
export async function confirmSecondFactorEnrolment(_prev: SignInState | null, form: FormData): Promise<SignInState> {
  const session = await currentSession();
  if (!session || session.stage !== "ENROLMENT") redirect("/signin");
  const code = field(form, "code").trim();
  if (!code) return { error: "codeRequired" };
  const recoveryCodes = await confirmEnrolment(db(), session.user.id, code, env().NEXTAUTH_SECRET);
  if (!recoveryCodes) return { error: "codeWrong" };
  await activateSession(db(), session.id, "ENROLMENT");
  return { recoveryCodes };
}

/** Ends every session of the signed-in person, on every device, this one included. */
export async function signOutEverywhere(): Promise<void> {
  const session = await currentSession();
  if (session) await revokeAllSessions(db(), session.user.id, "signed-out-everywhere");
  await clearSessionCookie();
  redirect("/signin?reason=everywhere");
}
