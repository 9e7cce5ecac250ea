import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/client";
import { poolConfig } from "./database-url";

export type Db = PrismaClient;

export function createPrisma(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(poolConfig(databaseUrl)) });
}

const globalForPrisma = globalThis as unknown as { visitOncePrisma?: PrismaClient };

/** One client per process (Next.js dev reloads modules; the pool must survive that). */
export function prismaSingleton(databaseUrl: string): PrismaClient {
  globalForPrisma.visitOncePrisma ??= createPrisma(databaseUrl);
  return globalForPrisma.visitOncePrisma;
}
