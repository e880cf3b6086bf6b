-- AlterTable
ALTER TABLE "pending_provider_change" ADD COLUMN     "superseded_at" TIMESTAMPTZ(6);

-- CreateIndex
CREATE INDEX "pending_provider_change_provider_id_idx" ON "pending_provider_change"("provider_id");
