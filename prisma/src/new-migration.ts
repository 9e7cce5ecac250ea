// `npm run db:migration -- <name>`: writes the SQL that takes the committed schema
// (git HEAD) to the edited one, as a new migration. The offline WebAssembly engine cannot
// diff against a live database, so the committed schema is the baseline.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PRISMA_DIR, runMigrate } from "./cli";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
  process.exit(1);
}
// Prisma 6.19 diffs (cli.ts), and wants the datasource's `url` that Prisma 7's schema.prisma leaves out.
const withUrl = (schema: string) =>
  /^\s*url\s*=/m.test(schema)
    ? schema
    : schema.replace(/(datasource db \{\s*provider = "postgresql")/, '$1\n  url      = env("DATABASE_URL")');
const scratch = mkdtempSync(path.join(os.tmpdir(), "vo-schema-"));
const previous = path.join(scratch, "previous.prisma");
const next = path.join(scratch, "next.prisma");
writeFileSync(
  previous,
  withUrl(execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: PRISMA_DIR }).toString()),
);
writeFileSync(next, withUrl(readFileSync(path.join(PRISMA_DIR, "schema.prisma"), "utf8")));
const sql = await runMigrate([
  "migrate",
  "diff",
  "--from-schema-datamodel",
  previous,
  "--to-schema-datamodel",
  next,
  "--script",
]);
if (!sql.trim() || sql.includes("This is an empty migration")) {
  console.log("schema.prisma matches the committed schema: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(PRISMA_DIR, "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql.replace(/^Loaded Prisma config.*\n/m, ""));
console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
