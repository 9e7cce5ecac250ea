-- CreateTable
CREATE TABLE "AccessEvent" (
    "seq" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "actorRole" TEXT,
    "actorOffice" TEXT,
    "subjectId" TEXT,
    "action" TEXT NOT NULL,
    "department" TEXT,
    "recordTypes" TEXT[],
    "fields" TEXT[],
    "purpose" TEXT,
    "legalBasis" TEXT,
    "serviceCode" TEXT,
    "applicationId" TEXT,
    "consent" TEXT,
    "requestId" TEXT,
    "idempotencyKey" TEXT,
    "outcome" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AccessEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "LedgerCheckpoint" (
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,

    CONSTRAINT "LedgerCheckpoint_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccessEvent_idempotencyKey_key" ON "AccessEvent"("idempotencyKey");

-- CreateIndex
CREATE INDEX "AccessEvent_subjectId_seq_idx" ON "AccessEvent"("subjectId", "seq");

-- CreateIndex
CREATE INDEX "AccessEvent_applicationId_seq_idx" ON "AccessEvent"("applicationId", "seq");

-- CreateIndex
CREATE INDEX "AccessEvent_action_seq_idx" ON "AccessEvent"("action", "seq");

-- CreateIndex
CREATE INDEX "AccessEvent_actorId_seq_idx" ON "AccessEvent"("actorId", "seq");

-- The ledger is append-only for every role: rows may be inserted and read, never changed or
-- removed. (A superuser can drop these triggers, but the hash chain and the signed checkpoints
-- still reveal any change made that way: `npm run ledger:verify`.)
-- Prisma's migration runner on the pg adapter splits a script at EVERY semicolon (inside quotes
-- and comments too), so the function body spells its semicolons as the escape \073.
CREATE FUNCTION "ledger_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''the access ledger is append-only: % on % is refused'', TG_OP, TG_TABLE_NAME
    USING ERRCODE = ''insufficient_privilege''\073
END\073
';

CREATE TRIGGER "AccessEvent_append_only" BEFORE UPDATE OR DELETE ON "AccessEvent"
  FOR EACH ROW EXECUTE FUNCTION "ledger_refuse_change"();
CREATE TRIGGER "AccessEvent_no_truncate" BEFORE TRUNCATE ON "AccessEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_refuse_change"();
CREATE TRIGGER "LedgerCheckpoint_append_only" BEFORE UPDATE OR DELETE ON "LedgerCheckpoint"
  FOR EACH ROW EXECUTE FUNCTION "ledger_refuse_change"();
CREATE TRIGGER "LedgerCheckpoint_no_truncate" BEFORE TRUNCATE ON "LedgerCheckpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "ledger_refuse_change"();
