-- CreateTable
CREATE TABLE "outbox_failed_events" (
    "id" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "error_code" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "failed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "outbox_failed_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_failed_events_workspace_id_failed_at_idx" ON "outbox_failed_events"("workspace_id", "failed_at");
