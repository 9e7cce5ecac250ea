// Test support: ledger tests tamper with their tables, so each gets a database of its own,
// cloned from one migrated template per test file (cloning is fast; migrating is not).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createPrisma, type Db } from "../client";
import { poolConfig, withDatabase } from "../database-url";
import { dropDatabase, ensureDatabase, migrateDeploy } from "../migrate";

export interface LedgerTestDatabases {
  /** A fresh, migrated database and its URL. */
  fresh(): Promise<{ db: Db; url: string }>;
  /** A copy of `url`'s database (which must have no open connections). */
  copy(url: string): Promise<{ db: Db; url: string }>;
  dropAll(): Promise<void>;
}

export function ledgerTestDatabases(): LedgerTestDatabases {
  const server = process.env.DATABASE_URL;
  if (!server)
    throw new Error(
      "DATABASE_URL is unset: run the tests through `npm test`, or set it to a PostgreSQL server you may create databases on.",
    );
  const base = poolConfig(server).database!;
  const made: string[] = [];
  const clients: Db[] = [];
  let template: Promise<string> | undefined;

  const clone = async (from: string) => {
    const name = `${base}_ledger_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ ...poolConfig(server), database: "postgres" });
    await admin.connect();
    try {
      await admin.query(`create database "${name}" template "${from}"`);
    } finally {
      await admin.end();
    }
    made.push(name);
    const url = withDatabase(server, name);
    const db = createPrisma(url);
    clients.push(db);
    return { db, url };
  };

  return {
    async fresh() {
      template ??= (async () => {
        const name = `${base}_ledger_tpl_${randomUUID().slice(0, 8)}`;
        const url = withDatabase(server, name);
        await ensureDatabase(url);
        made.push(name);
        await migrateDeploy(url);
        return name;
      })();
      return clone(await template);
    },
    async copy(url) {
      return clone(poolConfig(url).database!);
    },
    async dropAll() {
      await Promise.all(clients.map((c) => c.$disconnect()));
      for (const name of made.reverse()) await dropDatabase(withDatabase(server, name));
    },
  };
}

/** A superuser connection that bypasses the append-only triggers, as an attacker with full rights would. */
export async function tamper(url: string, sql: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client(poolConfig(url));
  await client.connect();
  try {
    await client.query("SET session_replication_role = replica");
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}
