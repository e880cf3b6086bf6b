-- AlterTable
ALTER TABLE "provider_standing" ADD COLUMN     "reinstated_from" CHAR(10);

-- AlterTable
ALTER TABLE "application" ADD COLUMN     "budget_released_at" TIMESTAMPTZ(6),
ADD COLUMN     "invoice_approved_at" TIMESTAMPTZ(6),
ADD COLUMN     "purchase_order_cancelled_at" TIMESTAMPTZ(6),
ADD COLUMN     "purchase_order_id" TEXT,
ADD COLUMN     "release_withheld" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "application_purchase_order_id_key" ON "application"("purchase_order_id");

-- Withdrawals recorded before this migration released their amount at once: mark them released, so the new
-- release on payment's PurchaseOrderCancelled never gives the same amount back a second time.
UPDATE "application" SET "budget_released_at" = "withdrawn_at" WHERE "status" = 'WITHDRAWN' AND "budget_released_at" IS NULL;
