import NextAuth from "next-auth";
import { authOptions } from "@/server/auth";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Options are built per request (lazily, once) so the build needs no secret.
function handler(req: Request, ctx: Ctx) {
  return NextAuth(authOptions())(req, ctx);
}

export { handler as GET, handler as POST };
