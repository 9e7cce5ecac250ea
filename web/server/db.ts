import { prismaSingleton, type Db } from "@visit-once/prisma";
import { env } from "@/env";

/** The process-wide Prisma client (created on first use). */
export function db(): Db {
  return prismaSingleton(env().DATABASE_URL);
}
