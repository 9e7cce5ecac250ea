export {
  ACCESS_ACTIONS,
  appendAccessEvents,
  appendAccessEventsInTransaction,
  type AccessAction,
  type AccessEventInput,
  type LedgerOptions,
  type Tx,
} from "./append-access-events";
export { canonicalContent, entryHash, GENESIS_HASH, type EntryContent } from "./entry-hash";
export {
  checkpointSignatureValid,
  generateLedgerKeyPem,
  parseLedgerKey,
  publicKeyId,
  publicKeyPem,
  signCheckpoint,
  type LedgerKey,
} from "./signing-key";
export {
  describeVerification,
  verifyLedger,
  type LedgerProblemKind,
  type LedgerVerification,
  type VerifiedPoint,
} from "./verify-ledger";
export { verifyLedgerSince } from "./verify-incremental";
