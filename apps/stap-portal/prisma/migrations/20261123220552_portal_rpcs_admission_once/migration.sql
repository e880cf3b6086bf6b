-- AlterTable
ALTER TABLE "enrolment_certificate" ADD COLUMN     "revocation_reason" TEXT,
ADD COLUMN     "revoked_at" TIMESTAMPTZ(6);

-- AlterTable
ALTER TABLE "application" ADD COLUMN     "withdrawal_reason" TEXT;

-- CreateTable
CREATE TABLE "admission_token_use" (
    "token_id" UUID NOT NULL,
    "tijdvak_id" TEXT NOT NULL,
    "ticket_id" UUID NOT NULL,
    "used_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "admission_token_use_pkey" PRIMARY KEY ("token_id")
);
