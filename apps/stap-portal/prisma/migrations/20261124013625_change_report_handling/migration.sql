-- AlterTable
ALTER TABLE "change_report" ADD COLUMN     "handled_at" TIMESTAMPTZ(6),
ADD COLUMN     "handled_by" TEXT,
ADD COLUMN     "outcome_note" TEXT;

-- CreateIndex
CREATE INDEX "change_report_status_reported_at_idx" ON "change_report"("status", "reported_at");
