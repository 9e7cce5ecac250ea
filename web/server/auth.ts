import bcrypt from "bcryptjs";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { UserModel as User } from "@visit-once/prisma";
import { z } from "zod";
import { type Env, env } from "@/env";
import { safeRedirectUrl } from "@/lib/safe-callback";
import { db } from "./db";
import { recordSignIn } from "./access/record-sign-in";
import { lockAlreadyChecked } from "./limits/lock-checked";
import { requestAddress } from "./limits/request-address";
import { signInThrottle } from "./limits/sign-in-throttle";
import { revokeSession } from "./sessions/revoke-sessions";
import { startSession } from "./sessions/start-session";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(320)),
  password: z.string().min(1).max(200),
});

// Comparing against a throwaway hash keeps the timing of unknown emails like known ones.
let dummyHash: Promise<string> | undefined;
const throwawayHash = () => (dummyHash ??= bcrypt.hash("no-such-user", 10));

export type CredentialsCheck =
  | { ok: true; user: User }
  | { ok: false; reason: "wrong" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * The account an email and password belong to. Both the sign-in form's action and next-auth's
 * credentials provider come through here: a locked account or address is refused before any
 * password is checked, and every attempt is throttled and recorded.
 */
export async function authorizeCredentials(raw: unknown, address: string): Promise<CredentialsCheck> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "wrong" };
  const { email, password } = parsed.data;
  // On next-auth's route the route has just checked this email and address (limits/lock-checked.ts).
  const verdict = lockAlreadyChecked(email, address)
    ? { ok: true as const }
    : await signInThrottle().check(email, address);
  if (!verdict.ok) {
    await recordSignIn(email, address, { ok: false, reason: "locked" });
    return { ok: false, reason: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
  }
  const found = await db().user.findUnique({ where: { email } });
  // A deactivated account is checked like an unknown one (same timing, same answer).
  const user = found?.deactivatedAt ? null : found;
  const ok = await bcrypt.compare(password, user?.passwordHash ?? (await throwawayHash()));
  await signInThrottle().record(email, address, Boolean(user && ok));
  await recordSignIn(
    email,
    address,
    user
      ? ok
        ? { ok: true, userId: user.id, role: user.role }
        : { ok: false, reason: "wrong-password", userId: user.id, role: user.role }
      : { ok: false, reason: "unknown-account" },
  );
  return user && ok ? { ok: true, user } : { ok: false, reason: "wrong" };
}

let cachedOptions: NextAuthOptions | undefined;

interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

/**
 * A real identity provider over OpenID Connect, when OIDC_* are set. It proves who someone
 * is; what they may do still comes from their account here, matched by verified email
 * (accounts are provisioned, not created at first sign-in).
 */
function oidcProvider(e: Env): OAuthConfig<OidcProfile>[] {
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: e.OIDC_NAME ?? "Single sign-on",
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER.replace(/\/+$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      // Role and office here are placeholders: `jwt` starts the session from the account's,
      // and `signIn` refuses anyone without an account.
      profile: (p) => ({
        id: p.sub,
        name: p.name ?? p.email ?? p.sub,
        email: p.email_verified === false ? null : (p.email ?? null),
        role: "CITIZEN" as const,
        departmentCode: null,
      }),
    },
  ];
}

/** The account an identity provider's verified email belongs to, or null (fail closed). */
async function accountForEmail(email: string | null | undefined) {
  if (!email) return null;
  return db().user.findFirst({ where: { email: email.trim().toLowerCase(), deactivatedAt: null } });
}

/** Over https the session cookie is `Secure` with the `__Host-` prefix (no Domain, path /). */
export function sessionCookie(e: Env) {
  const secure = e.NEXTAUTH_URL?.startsWith("https://") ?? false;
  return {
    name: secure ? "__Host-next-auth.session-token" : "next-auth.session-token",
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}

/**
 * next-auth options, built at first use so the build needs no secret. The cookie carries
 * only the session's id (and its user's): whether it is still good is decided by the
 * Session row on every request (server/session.ts), not by the cookie's own expiry.
 */
export function authOptions(): NextAuthOptions {
  const e = env();
  const cookie = sessionCookie(e);
  cachedOptions ??= {
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: e.VO_SESSION_MAX_SECONDS },
    jwt: { maxAge: e.VO_SESSION_MAX_SECONDS },
    useSecureCookies: cookie.options.secure,
    cookies: { sessionToken: cookie },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(raw, req) {
          // A locked account or address already got 429 from the route (limits/sign-in-route.ts), which says so.
          const result = await authorizeCredentials(raw, requestAddress(req?.headers));
          if (!result.ok) return null;
          const { user } = result;
          return {
            id: user.id,
            name: user.name,
            email: user.email,
            role: user.role,
            departmentCode: user.departmentCode,
          };
        },
      }),
      ...oidcProvider(e),
    ],
    callbacks: {
      // The same rule as the sign-in page: only our own paths, after real URL parsing.
      redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        return Boolean(await accountForEmail(user.email));
      },
      async jwt({ token, user, account }) {
        if (!user) return token;
        // Signing in: start a server-side session and keep only its id in the cookie.
        const oidc = account?.provider === "oidc";
        const known = oidc
          ? await accountForEmail(user.email)
          : await db().user.findFirst({ where: { id: user.id, deactivatedAt: null } });
        if (!known) return {};
        const sid = await startSession(db(), known, oidc ? "oidc" : "credentials");
        return { sid, uid: known.id, sub: known.id };
      },
      // The browser learns nothing from /api/auth/session but that a cookie is there: the
      // session's id stays inside the encrypted cookie, and who it is comes from the server.
      session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(db(), token.sid, "signed-out");
      },
    },
  };
  return cachedOptions;
}
