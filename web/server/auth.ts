import bcrypt from "bcryptjs";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { type Env, env } from "@/env";
import { safeRedirectUrl } from "@/lib/safe-callback";
import { db } from "./db";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(320)),
  password: z.string().min(1).max(200),
});

// Comparing against a throwaway hash keeps the timing of unknown emails like known ones.
let dummyHash: Promise<string> | undefined;
const throwawayHash = () => (dummyHash ??= bcrypt.hash("no-such-user", 10));

const EIGHT_HOURS = 8 * 60 * 60;

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
      // Role and office here are placeholders: `jwt` replaces them with the account's, and
      // `signIn` refuses anyone without an account.
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
  return db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
}

/** next-auth options, built at first use so the build needs no secret. */
export function authOptions(): NextAuthOptions {
  cachedOptions ??= {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: EIGHT_HOURS },
    jwt: { maxAge: EIGHT_HOURS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await db().user.findUnique({ where: { email: parsed.data.email } });
          const ok = await bcrypt.compare(parsed.data.password, user?.passwordHash ?? (await throwawayHash()));
          if (!user || !ok) return null;
          return {
            id: user.id,
            name: user.name,
            email: user.email,
            role: user.role,
            departmentCode: user.departmentCode,
          };
        },
      }),
      ...oidcProvider(env()),
    ],
    callbacks: {
      // The same rule as the sign-in page: only our own paths, after real URL parsing.
      redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        return Boolean(await accountForEmail(user.email));
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === "oidc") {
          const known = await accountForEmail(user.email);
          if (!known) return token;
          token.uid = known.id;
          token.role = known.role;
          token.departmentCode = known.departmentCode;
          token.name = known.name;
          return token;
        }
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.departmentCode = user.departmentCode;
        }
        return token;
      },
      session({ session, token }) {
        if (token.uid && token.role) {
          session.user = {
            id: token.uid,
            name: token.name ?? "",
            email: token.email ?? "",
            role: token.role,
            departmentCode: token.departmentCode ?? null,
          };
        }
        return session;
      },
    },
  };
  return cachedOptions;
}
