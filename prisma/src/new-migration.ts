// `npm run db:migration -- <name>`: writes the SQL that takes the committed schema
// (git HEAD) to the edited one, as a new migration. The offline WebAssembly engine cannot
// diff against a live database, so the committed schema is the baseline.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PRISMA_DIR, runPrisma } from "./cli";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
  process.exit(1);
}
const previous = path.join(mkdtempSync(path.join(os.tmpdir(), "vo-schema-")), "schema.prisma");
writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: PRISMA_DIR }));
const sql = await runPrisma([
  "migrate",
  "diff",
  "--from-schema-datamodel",
  previous,
  "--to-schema-datamodel",
  "schema.prisma",
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
