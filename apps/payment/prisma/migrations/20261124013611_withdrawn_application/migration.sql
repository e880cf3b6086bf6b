-- CreateTable
CREATE TABLE "withdrawn_application" (
    "application_id" TEXT NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(6) NOT NULL,
    "event_id" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "withdrawn_application_pkey" PRIMARY KEY ("application_id")
);
