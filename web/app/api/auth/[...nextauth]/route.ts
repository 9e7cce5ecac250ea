import NextAuth from "next-auth";
import { authOptions } from "@/server/auth";
import { refuseLockedSignIn } from "@/server/limits/sign-in-route";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Options are built per request (lazily, once) so the build needs no secret.
async function handler(req: Request, ctx: Ctx) {
  const locked = await refuseLockedSignIn(req);
  if (locked) return locked;
  return NextAuth(authOptions())(req, ctx);
}

export { handler as GET, handler as POST };
