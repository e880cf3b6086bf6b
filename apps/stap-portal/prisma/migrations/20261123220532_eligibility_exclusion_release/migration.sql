-- AlterTable
ALTER TABLE "tijdvak" ADD COLUMN     "counter_reserve_release_at" TIMESTAMPTZ(6);

-- CreateTable
CREATE TABLE "provider_recognition" (
    "recognition_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "valid_from" CHAR(10) NOT NULL,
    "valid_until" CHAR(10),
    "revoked_from" CHAR(10),

    CONSTRAINT "provider_recognition_pkey" PRIMARY KEY ("recognition_id")
);

-- CreateTable
CREATE TABLE "provider_standing" (
    "provider_id" TEXT NOT NULL,
    "suspended_from" CHAR(10),
    "ended_after" CHAR(10),

    CONSTRAINT "provider_standing_pkey" PRIMARY KEY ("provider_id")
);

-- CreateTable
CREATE TABLE "person_exclusion" (
    "bsn" CHAR(9) NOT NULL,
    "excluded_until" CHAR(10) NOT NULL,
    "application_id" UUID NOT NULL,
    "decision_reference" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_exclusion_pkey" PRIMARY KEY ("bsn")
);

-- CreateIndex
CREATE INDEX "provider_recognition_provider_id_idx" ON "provider_recognition"("provider_id");
