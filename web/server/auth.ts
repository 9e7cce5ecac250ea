import bcrypt from "bcryptjs";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/env";
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
    ],
    callbacks: {
      jwt({ token, user }) {
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
