-- AlterTable
ALTER TABLE "provider_projection" ADD COLUMN     "ended" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "suspended" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "provider_recognition" (
    "recognition_id" TEXT NOT NULL,
    "provider_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "provider_recognition_pkey" PRIMARY KEY ("recognition_id")
);

-- CreateTable
CREATE TABLE "training" (
    "id" UUID NOT NULL,
    "provider_id" UUID NOT NULL,
    "provider_programme_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "study_load_hours" INTEGER NOT NULL,
    "nlqf_level" TEXT NOT NULL,
    "eqf_level" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "language" CHAR(2) NOT NULL,
    "delivery_mode" TEXT NOT NULL,
    "leads_to_certificate" BOOLEAN NOT NULL,
    "lifecycle" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "application_closed_reason" TEXT,
    "not_available_for_stap" BOOLEAN NOT NULL DEFAULT false,
    "provider_eligible" BOOLEAN NOT NULL,
    "exclusion_reason_code" TEXT,
    "exclusion_explanation" TEXT,
    "exclusion_decision_ref" TEXT,
    "exclusion_decision_reason" TEXT,
    "excluded_at" TIMESTAMPTZ(6),
    "excluded_by" TEXT,
    "exclusion_lifted_at" TIMESTAMPTZ(6),
    "exclusion_lifted_by" TEXT,
    "withdrawn_reason" TEXT,
    "min_price_cents" INTEGER,
    "first_start_date" DATE,
    "search_vector" tsvector,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "training_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "start_moment" (
    "id" UUID NOT NULL,
    "training_id" UUID NOT NULL,
    "provider_start_moment_code" TEXT NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "location_kind" TEXT NOT NULL,
    "street" TEXT,
    "house_number" INTEGER,
    "house_number_addition" TEXT,
    "postal_code" CHAR(6),
    "city" TEXT,
    "city_key" TEXT,
    "country_code" CHAR(2),
    "venue_name" TEXT,
    "course_tuition_cents" INTEGER NOT NULL,
    "exam_cents" INTEGER,
    "literature_cents" INTEGER,
    "total_cents" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "cancellation_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "start_moment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "training_history" (
    "seq" BIGSERIAL NOT NULL,
    "training_id" UUID NOT NULL,
    "start_moment_id" UUID,
    "kind" TEXT NOT NULL,
    "detail" JSONB NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "training_history_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "training_grant_count" (
    "training_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "grants" INTEGER NOT NULL,

    CONSTRAINT "training_grant_count_pkey" PRIMARY KEY ("training_id","year")
);

-- CreateTable
CREATE TABLE "feed_submission" (
    "id" UUID NOT NULL,
    "provider_id" UUID NOT NULL,
    "feed_reference" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "item_count" INTEGER NOT NULL,
    "applied_count" INTEGER NOT NULL DEFAULT 0,
    "failed_count" INTEGER NOT NULL DEFAULT 0,
    "info_row_count" INTEGER NOT NULL DEFAULT 0,
    "error_row_count" INTEGER NOT NULL DEFAULT 0,
    "received_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(6),

    CONSTRAINT "feed_submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feed_report_row" (
    "feed_id" UUID NOT NULL,
    "row_number" INTEGER NOT NULL,
    "item_sequence" INTEGER NOT NULL,
    "signal" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "provider_kvk_number" TEXT NOT NULL,
    "provider_programme_code" TEXT NOT NULL,
    "provider_start_moment_code" TEXT NOT NULL,
    "training_id" UUID,
    "start_moment_id" UUID,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "feed_report_row_pkey" PRIMARY KEY ("feed_id","row_number")
);

-- CreateTable
CREATE TABLE "scholing_tijdvak_budget" (
    "tijdvak_id" TEXT NOT NULL,
    "ceiling_cents" BIGINT NOT NULL,
    "granted_cents" BIGINT NOT NULL DEFAULT 0,
    "receipts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "scholing_tijdvak_budget_pkey" PRIMARY KEY ("tijdvak_id")
);

-- CreateTable
CREATE TABLE "scholing_application" (
    "id" UUID NOT NULL,
    "tijdvak_id" TEXT NOT NULL,
    "applicant_type" TEXT NOT NULL,
    "lead_provider_id" UUID NOT NULL,
    "member_provider_ids" TEXT[],
    "partners" JSONB NOT NULL,
    "co_financing_cents" INTEGER NOT NULL,
    "offering_name" TEXT NOT NULL,
    "requested_cents" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "receipt_sequence" INTEGER NOT NULL,
    "received_at" TIMESTAMPTZ(6) NOT NULL,
    "granted" BOOLEAN,
    "granted_cents" BIGINT,
    "reasons" TEXT[],
    "decision_ref" TEXT,
    "decided_at" TIMESTAMPTZ(6),
    "decided_by" TEXT,

    CONSTRAINT "scholing_application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scholing_activity" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "contribution_cents" INTEGER NOT NULL,
    "planned_participants" INTEGER NOT NULL,
    "nlqf_level" TEXT NOT NULL,
    "delivery_mode" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "leads_to_certificate" BOOLEAN NOT NULL,
    "guidance" TEXT NOT NULL,
    "provider_id" UUID NOT NULL,
    "granted" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "scholing_activity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "provider_recognition_provider_id_idx" ON "provider_recognition"("provider_id");

-- CreateIndex
CREATE INDEX "training_search_vector_idx" ON "training" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "training_sector_idx" ON "training"("sector");

-- CreateIndex
CREATE INDEX "training_nlqf_level_idx" ON "training"("nlqf_level");

-- CreateIndex
CREATE INDEX "training_status_idx" ON "training"("status");

-- CreateIndex
CREATE INDEX "training_first_start_date_idx" ON "training"("first_start_date");

-- CreateIndex
CREATE INDEX "training_min_price_cents_idx" ON "training"("min_price_cents");

-- CreateIndex
CREATE INDEX "training_name_idx" ON "training"("name");

-- CreateIndex
CREATE UNIQUE INDEX "training_provider_id_provider_programme_code_key" ON "training"("provider_id", "provider_programme_code");

-- CreateIndex
CREATE INDEX "start_moment_start_date_idx" ON "start_moment"("start_date");

-- CreateIndex
CREATE INDEX "start_moment_city_key_idx" ON "start_moment"("city_key");

-- CreateIndex
CREATE INDEX "start_moment_postal_code_idx" ON "start_moment"("postal_code");

-- CreateIndex
CREATE INDEX "start_moment_total_cents_idx" ON "start_moment"("total_cents");

-- CreateIndex
CREATE UNIQUE INDEX "start_moment_training_id_provider_start_moment_code_key" ON "start_moment"("training_id", "provider_start_moment_code");

-- CreateIndex
CREATE INDEX "training_history_training_id_seq_idx" ON "training_history"("training_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "feed_submission_provider_id_feed_reference_key" ON "feed_submission"("provider_id", "feed_reference");

-- CreateIndex
CREATE INDEX "scholing_application_lead_provider_id_idx" ON "scholing_application"("lead_provider_id");

-- CreateIndex
CREATE UNIQUE INDEX "scholing_application_tijdvak_id_receipt_sequence_key" ON "scholing_application"("tijdvak_id", "receipt_sequence");

-- CreateIndex
CREATE INDEX "scholing_activity_application_id_idx" ON "scholing_activity"("application_id");

-- CreateIndex
CREATE INDEX "scholing_activity_granted_idx" ON "scholing_activity"("granted");

-- AddForeignKey
ALTER TABLE "start_moment" ADD CONSTRAINT "start_moment_training_id_fkey" FOREIGN KEY ("training_id") REFERENCES "training"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scholing_activity" ADD CONSTRAINT "scholing_activity_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "scholing_application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
