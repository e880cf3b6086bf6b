-- CreateTable
CREATE TABLE "payee" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "kvk_number" TEXT,
    "name" TEXT,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "suspended_from" DATE,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bank_account_version" (
    "account_reference" TEXT NOT NULL,
    "payee_id" TEXT NOT NULL,
    "payee_kind" TEXT NOT NULL,
    "iban_last4" TEXT NOT NULL,
    "effective_from" TIMESTAMPTZ(6) NOT NULL,
    "previous_reference" TEXT,
    "iban" TEXT,
    "holder_name" TEXT,

    CONSTRAINT "bank_account_version_pkey" PRIMARY KEY ("account_reference")
);

-- CreateTable
CREATE TABLE "purchase_order" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "regeling" TEXT NOT NULL,
    "tijdvak_id" TEXT NOT NULL,
    "source_kind" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "source_event_id" TEXT NOT NULL,
    "payee_kind" TEXT NOT NULL,
    "payee_id" TEXT NOT NULL,
    "committed_cents" BIGINT NOT NULL,
    "requires_invoice" BOOLEAN NOT NULL,
    "training_start_date" DATE,
    "training_end_date" DATE,
    "advance_invoiceable_from" DATE,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "invoiced_cents" BIGINT NOT NULL DEFAULT 0,
    "paid_cents" BIGINT NOT NULL DEFAULT 0,
    "settled_cents" BIGINT,
    "recovered_cents" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "purchase_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice" (
    "id" UUID NOT NULL,
    "purchase_order_id" UUID NOT NULL,
    "provider_id" TEXT NOT NULL,
    "invoice_number" TEXT NOT NULL,
    "invoice_date" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "amount_cents" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "received_by" TEXT NOT NULL,

    CONSTRAINT "invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment" (
    "id" UUID NOT NULL,
    "source_key" TEXT NOT NULL,
    "purchase_order_id" UUID NOT NULL,
    "regeling" TEXT NOT NULL,
    "tijdvak_id" TEXT NOT NULL,
    "payee_kind" TEXT NOT NULL,
    "payee_id" TEXT NOT NULL,
    "gross_cents" BIGINT NOT NULL,
    "offset_cents" BIGINT NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'PAYABLE',
    "batch_id" UUID,
    "account_reference" TEXT,
    "iban" TEXT,
    "holder_name" TEXT,
    "end_to_end_id" TEXT,
    "remittance" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paid_on" DATE,

    CONSTRAINT "payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settlement" (
    "id" UUID NOT NULL,
    "purchase_order_id" UUID NOT NULL,
    "outcome" TEXT NOT NULL,
    "settled_cents" BIGINT NOT NULL,
    "participation_proof_id" TEXT,
    "illness_accepted" BOOLEAN NOT NULL,
    "person_at_fault" BOOLEAN NOT NULL,
    "decision_reference" TEXT NOT NULL,
    "decision_reason" TEXT NOT NULL,
    "decided_by" TEXT NOT NULL,
    "decided_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recovery_order_id" UUID,

    CONSTRAINT "settlement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recovery_order" (
    "id" UUID NOT NULL,
    "purchase_order_id" UUID NOT NULL,
    "regeling" TEXT NOT NULL,
    "tijdvak_id" TEXT NOT NULL,
    "debtor_kind" TEXT NOT NULL,
    "debtor_id" TEXT NOT NULL,
    "amount_cents" BIGINT NOT NULL,
    "recovered_cents" BIGINT NOT NULL DEFAULT 0,
    "method" TEXT NOT NULL,
    "due_date" DATE,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "decision_reference" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recovery_order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recovery_collection" (
    "id" UUID NOT NULL,
    "recovery_order_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "amount_cents" BIGINT NOT NULL,
    "bank_reference" TEXT,
    "payment_id" UUID,
    "collected_on" DATE NOT NULL,

    CONSTRAINT "recovery_collection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_batch" (
    "id" UUID NOT NULL,
    "message_id" TEXT NOT NULL,
    "execution_date" DATE NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'CREATED',
    "payment_count" INTEGER NOT NULL,
    "total_cents" BIGINT NOT NULL,
    "offset_cents" BIGINT NOT NULL,
    "held_count" INTEGER NOT NULL,
    "export_sha256" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "executed_at" TIMESTAMPTZ(6),

    CONSTRAINT "payment_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "journal_entry" (
    "id" UUID NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "source_key" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "cause_id" TEXT NOT NULL,
    "value_date" DATE NOT NULL,
    "booked_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "journal_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_posting" (
    "id" BIGSERIAL NOT NULL,
    "entry_id" UUID NOT NULL,
    "regeling" TEXT NOT NULL,
    "tijdvak_id" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "amount_cents" BIGINT NOT NULL,

    CONSTRAINT "ledger_posting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "subject" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_event" (
    "seq" BIGSERIAL NOT NULL,
    "event_id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "message_key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "dataschema" TEXT NOT NULL,
    "payload" BYTEA NOT NULL,
    "traceparent" TEXT,
    "tracestate" TEXT,
    "occurred_at" TIMESTAMPTZ(6) NOT NULL,
    "sent_at" TIMESTAMPTZ(6),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "inbox_event" (
    "consumer" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "offset" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_event_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateIndex
CREATE INDEX "payee_kvk_number_idx" ON "payee"("kvk_number");

-- CreateIndex
CREATE INDEX "bank_account_version_payee_id_effective_from_idx" ON "bank_account_version"("payee_id", "effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "purchase_order_number_key" ON "purchase_order"("number");

-- CreateIndex
CREATE INDEX "purchase_order_payee_id_idx" ON "purchase_order"("payee_id");

-- CreateIndex
CREATE INDEX "purchase_order_regeling_tijdvak_id_idx" ON "purchase_order"("regeling", "tijdvak_id");

-- CreateIndex
CREATE UNIQUE INDEX "purchase_order_source_kind_source_id_key" ON "purchase_order"("source_kind", "source_id");

-- CreateIndex
CREATE INDEX "invoice_purchase_order_id_idx" ON "invoice"("purchase_order_id");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_provider_id_invoice_number_key" ON "invoice"("provider_id", "invoice_number");

-- CreateIndex
CREATE UNIQUE INDEX "payment_source_key_key" ON "payment"("source_key");

-- CreateIndex
CREATE UNIQUE INDEX "payment_end_to_end_id_key" ON "payment"("end_to_end_id");

-- CreateIndex
CREATE INDEX "payment_status_payee_id_idx" ON "payment"("status", "payee_id");

-- CreateIndex
CREATE INDEX "payment_batch_id_idx" ON "payment"("batch_id");

-- CreateIndex
CREATE INDEX "payment_purchase_order_id_idx" ON "payment"("purchase_order_id");

-- CreateIndex
CREATE UNIQUE INDEX "settlement_purchase_order_id_key" ON "settlement"("purchase_order_id");

-- CreateIndex
CREATE INDEX "recovery_order_debtor_id_status_idx" ON "recovery_order"("debtor_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "recovery_collection_bank_reference_key" ON "recovery_collection"("bank_reference");

-- CreateIndex
CREATE UNIQUE INDEX "recovery_collection_recovery_order_id_payment_id_key" ON "recovery_collection"("recovery_order_id", "payment_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_batch_message_id_key" ON "payment_batch"("message_id");

-- CreateIndex
CREATE UNIQUE INDEX "journal_entry_sequence_key" ON "journal_entry"("sequence");

-- CreateIndex
CREATE UNIQUE INDEX "journal_entry_source_key_key" ON "journal_entry"("source_key");

-- CreateIndex
CREATE INDEX "journal_entry_cause_id_idx" ON "journal_entry"("cause_id");

-- CreateIndex
CREATE INDEX "ledger_posting_entry_id_idx" ON "ledger_posting"("entry_id");

-- CreateIndex
CREATE INDEX "ledger_posting_regeling_tijdvak_id_account_idx" ON "ledger_posting"("regeling", "tijdvak_id", "account");

-- CreateIndex
CREATE INDEX "audit_entry_subject_at_idx" ON "audit_entry"("subject", "at");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_event_id_key" ON "outbox_event"("event_id");

-- AddForeignKey
ALTER TABLE "ledger_posting" ADD CONSTRAINT "ledger_posting_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "journal_entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
