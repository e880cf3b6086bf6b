-- CreateTable
CREATE TABLE "pending_provider_change" (
    "seq" BIGSERIAL NOT NULL,
    "provider_id" UUID NOT NULL,
    "fact" JSONB NOT NULL,
    "effective_date" DATE NOT NULL,
    "received_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applied_at" TIMESTAMPTZ(6),

    CONSTRAINT "pending_provider_change_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "pending_provider_change_effective_date_idx" ON "pending_provider_change"("effective_date");
