import type { Role } from "@visit-once/prisma";
import "next-auth";
import "next-auth/jwt";

// The cookie names a server-side session (the Session table), nothing more: who it is and
// what they may do is read from the database on every request.
declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    departmentCode: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    uid?: string;
  }
}
