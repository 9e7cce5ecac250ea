// `npm run ledger:verify`: recomputes the access ledger's whole hash chain and checks every
// signed checkpoint. Prints "N entries verified up to seq X" (exit 0) or the FIRST bad place,
// its seq and what is wrong there (exit 1); exit 2 when the database cannot be read. Uses
// DATABASE_URL and VO_LEDGER_SIGNING_KEY; with DATABASE_URL unset, the embedded database
// `npm start` runs (as its application role: reading needs no more) and the key it
// generated in .data/.
import { existsSync, readFileSync } from "node:fs";
import { createPrisma } from "@visit-once/prisma";
import { describeVerification, parseLedgerKey, verifyLedger } from "@visit-once/prisma/ledger";
import { ledgerKey } from "@visit-once/workers/env";
import { DATA_DIR, ledgerKeyFile } from "./paths";
import { localDatabaseUrl } from "./app-database";

function key() {
  const configured = ledgerKey();
  if (configured || process.env.DATABASE_URL) return configured;
  const file = ledgerKeyFile(DATA_DIR);
  return existsSync(file) ? parseLedgerKey(readFileSync(file, "utf8")) : undefined;
}

let code = 0;
const db = createPrisma(localDatabaseUrl());
try {
  const verification = await verifyLedger(db, key()?.publicKey);
  console.log(describeVerification(verification));
  code = verification.ok ? 0 : 1;
} catch (err) {
  console.error(`Could not verify the ledger: ${(err as Error).message}`);
  code = 2;
} finally {
  await db.$disconnect();
}
process.exit(code);
