-- CreateTable
CREATE TABLE "tijdvak" (
    "id" TEXT NOT NULL,
    "regeling_code" TEXT NOT NULL DEFAULT 'STAP',
    "display_name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SCHEDULED',
    "opens_at" TIMESTAMPTZ(6) NOT NULL,
    "closes_at" TIMESTAMPTZ(6) NOT NULL,
    "base_budget_cents" BIGINT NOT NULL,
    "rolled_over_in_cents" BIGINT NOT NULL DEFAULT 0,
    "ceiling_cents" BIGINT NOT NULL,
    "counter_reserve_cents" BIGINT NOT NULL,
    "committed_online_cents" BIGINT NOT NULL DEFAULT 0,
    "committed_counter_cents" BIGINT NOT NULL DEFAULT 0,
    "received_count" BIGINT NOT NULL DEFAULT 0,
    "granted_count" BIGINT NOT NULL DEFAULT 0,
    "rejected_count" BIGINT NOT NULL DEFAULT 0,
    "last_granted_sequence" BIGINT NOT NULL DEFAULT 0,
    "rolled_over_out_cents" BIGINT,
    "rolled_over_to" TEXT,
    "rules_version" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(6),
    "ceiling_reached_at" TIMESTAMPTZ(6),
    "closed_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tijdvak_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "waiting_room" (
    "tijdvak_id" TEXT NOT NULL,
    "drawn_at" TIMESTAMPTZ(6),
    "tickets_at_opening" BIGINT,
    "queue_length" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "waiting_room_pkey" PRIMARY KEY ("tijdvak_id")
);

-- CreateTable
CREATE TABLE "queue_ticket" (
    "id" UUID NOT NULL,
    "tijdvak_id" TEXT NOT NULL,
    "holder_key" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "arrival_seq" BIGSERIAL NOT NULL,
    "joined_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "position" BIGINT,

    CONSTRAINT "queue_ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training" (
    "id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "not_available_for_stap" BOOLEAN NOT NULL DEFAULT false,
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    "application_closed" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "training_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "start_moment" (
    "id" TEXT NOT NULL,
    "training_id" TEXT NOT NULL,
    "start_date" CHAR(10) NOT NULL,
    "end_date" CHAR(10) NOT NULL,
    "price_cents" BIGINT NOT NULL,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,
    "full" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "start_moment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provider" (
    "id" TEXT NOT NULL,
    "kvk_number" CHAR(8) NOT NULL,
    "communication_name" TEXT NOT NULL,

    CONSTRAINT "provider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_grant_count" (
    "training_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "granted" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "training_grant_count_pkey" PRIMARY KEY ("training_id","year")
);

-- CreateTable
CREATE TABLE "enrolment_certificate" (
    "number" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "training_id" TEXT NOT NULL,
    "start_moment_id" TEXT NOT NULL,
    "holder_initials" TEXT NOT NULL,
    "holder_surname" TEXT NOT NULL,
    "holder_birth_date" CHAR(10) NOT NULL,
    "amount_cents" BIGINT NOT NULL,
    "paid_by_others_cents" BIGINT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ISSUED',
    "valid_until" CHAR(10) NOT NULL,
    "used_by_application_id" UUID,
    "issued_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "enrolment_certificate_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "application" (
    "id" UUID NOT NULL,
    "tijdvak_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "bsn" CHAR(9) NOT NULL,
    "certificate_number" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "training_id" TEXT NOT NULL,
    "start_moment_id" TEXT NOT NULL,
    "training_name" TEXT NOT NULL,
    "training_start_date" CHAR(10) NOT NULL,
    "training_end_date" CHAR(10) NOT NULL,
    "requested_cents" BIGINT NOT NULL,
    "granted_cents" BIGINT NOT NULL DEFAULT 0,
    "reasons" TEXT[],
    "receipt_sequence" BIGINT NOT NULL,
    "queue_position" BIGINT,
    "received_at" TIMESTAMPTZ(6) NOT NULL,
    "decided_at" TIMESTAMPTZ(6),
    "decision_reference" TEXT,
    "rules_version" TEXT NOT NULL,
    "grant_year" INTEGER,
    "contact_email" TEXT,
    "withdrawn_at" TIMESTAMPTZ(6),

    CONSTRAINT "application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "participation_proof" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "provider_id" TEXT NOT NULL,
    "completed" BOOLEAN NOT NULL,
    "completion_basis" TEXT,
    "attendance_percent" INTEGER,
    "credits_percent" INTEGER,
    "completed_on" CHAR(10),
    "non_completion_reason" TEXT,
    "illness_claimed" BOOLEAN NOT NULL DEFAULT false,
    "explanation" TEXT,
    "late" BOOLEAN NOT NULL,
    "submitted_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "participation_proof_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pre_registration" (
    "id" UUID NOT NULL,
    "tijdvak_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "training_id" TEXT NOT NULL,
    "start_moment_id" TEXT NOT NULL,
    "holder_initials" TEXT NOT NULL,
    "holder_surname" TEXT NOT NULL,
    "holder_birth_date" CHAR(10) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pre_registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_access_record" (
    "id" UUID NOT NULL,
    "accessor_subject" TEXT NOT NULL,
    "accessor_kind" TEXT NOT NULL,
    "bsn" CHAR(9) NOT NULL,
    "purpose" TEXT NOT NULL,
    "case_reference" TEXT NOT NULL,
    "result_count" INTEGER NOT NULL,
    "accessed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_access_record_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "queue_ticket_tijdvak_id_arrival_seq_idx" ON "queue_ticket"("tijdvak_id", "arrival_seq");

-- CreateIndex
CREATE UNIQUE INDEX "queue_ticket_tijdvak_id_holder_key_key" ON "queue_ticket"("tijdvak_id", "holder_key");

-- CreateIndex
CREATE UNIQUE INDEX "queue_ticket_tijdvak_id_position_key" ON "queue_ticket"("tijdvak_id", "position");

-- CreateIndex
CREATE INDEX "training_provider_id_idx" ON "training"("provider_id");

-- CreateIndex
CREATE INDEX "start_moment_training_id_idx" ON "start_moment"("training_id");

-- CreateIndex
CREATE UNIQUE INDEX "provider_kvk_number_key" ON "provider"("kvk_number");

-- CreateIndex
CREATE UNIQUE INDEX "application_certificate_number_key" ON "application"("certificate_number");

-- CreateIndex
CREATE INDEX "application_bsn_idx" ON "application"("bsn");

-- CreateIndex
CREATE INDEX "application_provider_id_idx" ON "application"("provider_id");

-- CreateIndex
CREATE UNIQUE INDEX "application_bsn_grant_year_key" ON "application"("bsn", "grant_year");

-- CreateIndex
CREATE UNIQUE INDEX "application_tijdvak_id_receipt_sequence_key" ON "application"("tijdvak_id", "receipt_sequence");

-- CreateIndex
CREATE UNIQUE INDEX "participation_proof_application_id_key" ON "participation_proof"("application_id");

-- CreateIndex
CREATE INDEX "pre_registration_provider_id_tijdvak_id_idx" ON "pre_registration"("provider_id", "tijdvak_id");

-- CreateIndex
CREATE INDEX "data_access_record_bsn_idx" ON "data_access_record"("bsn");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_event_event_id_key" ON "outbox_event"("event_id");
