-- CreateTable
CREATE TABLE "change_report" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "bsn" CHAR(9) NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RECEIVED',
    "new_email" TEXT,
    "previous_email" TEXT,
    "stopped_on" CHAR(10),
    "new_start_date" CHAR(10),
    "explanation" TEXT,
    "reported_at" TIMESTAMPTZ(6) NOT NULL,
    "reported_by_officer" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "change_report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "change_report_bsn_reported_at_idx" ON "change_report"("bsn", "reported_at");

-- CreateIndex
CREATE INDEX "change_report_application_id_reported_at_idx" ON "change_report"("application_id", "reported_at");
