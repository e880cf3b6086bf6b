-- CreateTable
CREATE TABLE "adviser_organisation" (
    "id" UUID NOT NULL,
    "kvk_number" CHAR(8) NOT NULL,
    "legal_name" TEXT NOT NULL,
    "communication_name" TEXT NOT NULL,
    "registered_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "adviser_organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "career_adviser" (
    "id" UUID NOT NULL,
    "adviser_organisation_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "hbo_level" BOOLEAN NOT NULL,
    "years_of_experience" INTEGER NOT NULL,
    "active_from" DATE,
    "active_until" DATE,
    "registered_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "career_adviser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tranche_counter" (
    "tijdvak_id" TEXT NOT NULL,
    "registration_cap" INTEGER,
    "registered" INTEGER NOT NULL DEFAULT 0,
    "approved_claim_cap" INTEGER,
    "approved_claims" INTEGER NOT NULL DEFAULT 0,
    "cap_reached_at" TIMESTAMPTZ(6),

    CONSTRAINT "tranche_counter_pkey" PRIMARY KEY ("tijdvak_id")
);

-- CreateTable
CREATE TABLE "adviser_day_counter" (
    "career_adviser_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "registered" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "adviser_day_counter_pkey" PRIMARY KEY ("career_adviser_id","day")
);

-- CreateTable
CREATE TABLE "trajectory" (
    "id" UUID NOT NULL,
    "regeling" TEXT NOT NULL,
    "tijdvak_id" TEXT NOT NULL,
    "adviser_organisation_id" UUID NOT NULL,
    "career_adviser_id" UUID NOT NULL,
    "participant_bsn" CHAR(9) NOT NULL,
    "participant_birth_date" DATE NOT NULL,
    "participant_age" INTEGER NOT NULL,
    "education_level" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "employment_status" TEXT NOT NULL,
    "planned_start_date" DATE NOT NULL,
    "status" TEXT NOT NULL,
    "price_cents" BIGINT NOT NULL,
    "parameters_version" TEXT NOT NULL,
    "completed_on" DATE,
    "labour_market_scan_done" BOOLEAN,
    "development_plan_delivered" BOOLEAN,
    "next_step" TEXT,
    "claim_id" UUID,
    "cancel_reason" TEXT,
    "registered_at" TIMESTAMPTZ(6) NOT NULL,
    "registered_by" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "trajectory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim" (
    "id" UUID NOT NULL,
    "receipt_sequence" BIGSERIAL NOT NULL,
    "regeling" TEXT NOT NULL,
    "tijdvak_id" TEXT NOT NULL,
    "adviser_organisation_id" UUID NOT NULL,
    "requested_cents" BIGINT NOT NULL,
    "accepted_cents" BIGINT NOT NULL,
    "submitted_at" TIMESTAMPTZ(6) NOT NULL,
    "submitted_by" TEXT NOT NULL,

    CONSTRAINT "claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_line" (
    "claim_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "trajectory_id" TEXT NOT NULL,
    "accepted" BOOLEAN NOT NULL,
    "amount_cents" BIGINT NOT NULL,
    "rejection_reason" TEXT,
    "accepted_trajectory_id" UUID,

    CONSTRAINT "claim_line_pkey" PRIMARY KEY ("claim_id","position")
);

-- CreateTable
CREATE TABLE "claim_payment" (
    "payment_id" TEXT NOT NULL,
    "claim_id" UUID NOT NULL,
    "amount_cents" BIGINT NOT NULL,
    "offset_cents" BIGINT NOT NULL,
    "executed_on" DATE NOT NULL,

    CONSTRAINT "claim_payment_pkey" PRIMARY KEY ("payment_id")
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
CREATE INDEX "adviser_organisation_kvk_number_idx" ON "adviser_organisation"("kvk_number");

-- CreateIndex
CREATE INDEX "career_adviser_adviser_organisation_id_idx" ON "career_adviser"("adviser_organisation_id");

-- CreateIndex
CREATE INDEX "trajectory_adviser_organisation_id_registered_at_idx" ON "trajectory"("adviser_organisation_id", "registered_at");

-- CreateIndex
CREATE INDEX "trajectory_tijdvak_id_status_idx" ON "trajectory"("tijdvak_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "trajectory_tijdvak_id_participant_bsn_key" ON "trajectory"("tijdvak_id", "participant_bsn");

-- CreateIndex
CREATE INDEX "claim_adviser_organisation_id_submitted_at_idx" ON "claim"("adviser_organisation_id", "submitted_at");

-- CreateIndex
CREATE INDEX "claim_tijdvak_id_idx" ON "claim"("tijdvak_id");

-- CreateIndex
CREATE UNIQUE INDEX "claim_receipt_sequence_key" ON "claim"("receipt_sequence");

-- CreateIndex
CREATE UNIQUE INDEX "claim_line_accepted_trajectory_id_key" ON "claim_line"("accepted_trajectory_id");

-- CreateIndex
CREATE INDEX "claim_line_trajectory_id_idx" ON "claim_line"("trajectory_id");

-- CreateIndex
CREATE INDEX "claim_payment_claim_id_idx" ON "claim_payment"("claim_id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_event_id_key" ON "outbox_event"("event_id");

-- AddForeignKey
ALTER TABLE "claim_line" ADD CONSTRAINT "claim_line_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
