import NextAuth from "next-auth";
import { authOptions } from "@/server/auth";
import { refuseLockedSignIn } from "@/server/limits/sign-in-route";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Options are built per request (lazily, once) so the build needs no secret.
async function handler(req: Request, ctx: Ctx) {
  return refuseLockedSignIn(req, () => NextAuth(authOptions())(req, ctx) as Promise<Response>);
}

export { handler as GET, handler as POST };
