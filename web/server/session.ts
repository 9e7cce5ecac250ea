import type { Role } from "@visit-once/prisma";
import { getServerSession } from "next-auth";
import { NextResponse } from "next/server";
import { headers } from "next/headers";
import { cache } from "react";
import { redirect } from "next/navigation";
import { authOptions } from "./auth";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  departmentCode: string | null;
}

const ROLES: readonly Role[] = ["CITIZEN", "CASEWORKER", "OFFICER", "ADMIN"];

/**
 * The signed-in user, or null. Anything incomplete counts as signed out (fail closed).
 * Read once per request: the layout, the header and the page all ask.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  // Reading the request first marks the page dynamic before any env is needed (so builds need none).
  await headers();
  const session = await getServerSession(authOptions());
  const u = session?.user as Partial<SessionUser> | undefined;
  if (!u || typeof u.id !== "string" || !u.id || !u.role || !ROLES.includes(u.role)) return null;
  return {
    id: u.id,
    name: u.name ?? "",
    email: u.email ?? "",
    role: u.role,
    departmentCode: u.departmentCode ?? null,
  };
});

/** For pages: signed out → /signin; signed in with another role → / (which routes by role). */
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
