-- CreateTable
CREATE TABLE "dead_letters" (
    "id" UUID NOT NULL,
    "consumer" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "partition" INTEGER NOT NULL,
    "offset" BIGINT NOT NULL,
    "key" TEXT,
    "event_id" TEXT,
    "event_type" TEXT,
    "workspace_id" TEXT,
    "error_code" TEXT NOT NULL,
    "error_message" TEXT NOT NULL,
    "raw_value" BYTEA,
    "failures" INTEGER NOT NULL DEFAULT 1,
    "first_failed_at" TIMESTAMPTZ(3) NOT NULL,
    "last_failed_at" TIMESTAMPTZ(3) NOT NULL,
    "replayed_at" TIMESTAMPTZ(3),

    CONSTRAINT "dead_letters_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dead_letters_workspace_id_first_failed_at_idx" ON "dead_letters"("workspace_id", "first_failed_at");

-- CreateIndex
CREATE UNIQUE INDEX "dead_letters_consumer_topic_partition_offset_key" ON "dead_letters"("consumer", "topic", "partition", "offset");
