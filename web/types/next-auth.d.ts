import type { Role } from "@visit-once/prisma";
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: Role; departmentCode: string | null };
  }
  interface User {
    id: string;
    role: Role;
    departmentCode: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    departmentCode?: string | null;
  }
}
