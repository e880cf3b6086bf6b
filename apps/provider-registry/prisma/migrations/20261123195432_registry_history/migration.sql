-- CreateTable
CREATE TABLE "recognition" (
    "id" UUID NOT NULL,
    "provider_id" UUID NOT NULL,
    "route" TEXT NOT NULL,
    "issuing_body" TEXT NOT NULL,
    "external_reference" TEXT NOT NULL DEFAULT '',
    "valid_from" DATE NOT NULL,
    "valid_until" DATE,
    "revoked_from" DATE,
    "revocation_reason" TEXT,
    "expired_at" TIMESTAMPTZ(6),
    "granted_by" TEXT NOT NULL,
    "granted_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recognition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recognition_change" (
    "seq" BIGSERIAL NOT NULL,
    "recognition_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "valid_until_after" DATE,
    "effective_date" DATE,
    "reason" TEXT,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recognition_change_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "status_decision" (
    "seq" BIGSERIAL NOT NULL,
    "provider_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "effective_date" DATE NOT NULL,
    "reference" TEXT NOT NULL,
    "decided_on" DATE,
    "reason" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "status_decision_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "bank_account" (
    "id" UUID NOT NULL,
    "provider_id" UUID,
    "adviser_organisation_id" UUID,
    "iban" TEXT NOT NULL,
    "holder_name" TEXT NOT NULL,
    "effective_from" TIMESTAMPTZ(6) NOT NULL,
    "superseded_at" TIMESTAMPTZ(6),
    "created_by" TEXT NOT NULL,

    CONSTRAINT "bank_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "adviser_organisation" (
    "id" UUID NOT NULL,
    "kvk_number" CHAR(8) NOT NULL,
    "legal_name" TEXT NOT NULL,
    "communication_name" TEXT NOT NULL,
    "contact_email" TEXT NOT NULL,
    "contact_phone" TEXT,
    "website" TEXT,
    "street" TEXT NOT NULL,
    "house_number" INTEGER NOT NULL,
    "house_number_addition" TEXT,
    "postal_code" CHAR(7) NOT NULL,
    "city" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "adviser_organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "career_adviser" (
    "id" UUID NOT NULL,
    "adviser_organisation_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "register" TEXT NOT NULL,
    "registration_number" TEXT NOT NULL,
    "hbo_level" BOOLEAN NOT NULL,
    "years_of_experience" INTEGER NOT NULL,
    "active_from" DATE NOT NULL,
    "active_until" DATE,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "career_adviser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_record" (
    "seq" BIGSERIAL NOT NULL,
    "aggregate_type" TEXT NOT NULL,
    "aggregate_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "actor_subject" TEXT NOT NULL,
    "actor_kind" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_record_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "recognition_provider_id_idx" ON "recognition"("provider_id");

-- CreateIndex
CREATE INDEX "recognition_valid_until_idx" ON "recognition"("valid_until");

-- CreateIndex
CREATE INDEX "recognition_change_recognition_id_idx" ON "recognition_change"("recognition_id");

-- CreateIndex
CREATE INDEX "status_decision_provider_id_idx" ON "status_decision"("provider_id");

-- CreateIndex
CREATE INDEX "bank_account_provider_id_effective_from_idx" ON "bank_account"("provider_id", "effective_from");

-- CreateIndex
CREATE INDEX "bank_account_adviser_organisation_id_effective_from_idx" ON "bank_account"("adviser_organisation_id", "effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "adviser_organisation_kvk_number_key" ON "adviser_organisation"("kvk_number");

-- CreateIndex
CREATE INDEX "career_adviser_adviser_organisation_id_registration_number_idx" ON "career_adviser"("adviser_organisation_id", "registration_number");

-- CreateIndex
CREATE INDEX "audit_record_aggregate_id_idx" ON "audit_record"("aggregate_id");

-- CreateIndex
CREATE INDEX "provider_legal_name_id_idx" ON "provider"("legal_name", "id");

-- AddForeignKey
ALTER TABLE "recognition" ADD CONSTRAINT "recognition_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition_change" ADD CONSTRAINT "recognition_change_recognition_id_fkey" FOREIGN KEY ("recognition_id") REFERENCES "recognition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_decision" ADD CONSTRAINT "status_decision_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_account" ADD CONSTRAINT "bank_account_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_account" ADD CONSTRAINT "bank_account_adviser_organisation_id_fkey" FOREIGN KEY ("adviser_organisation_id") REFERENCES "adviser_organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "career_adviser" ADD CONSTRAINT "career_adviser_adviser_organisation_id_fkey" FOREIGN KEY ("adviser_organisation_id") REFERENCES "adviser_organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
