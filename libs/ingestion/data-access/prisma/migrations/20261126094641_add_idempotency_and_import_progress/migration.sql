-- AlterTable
ALTER TABLE "import_jobs" ADD COLUMN     "bytes_read" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "bytes_total" INTEGER,
ADD COLUMN     "error_code" TEXT;

-- AlterTable
ALTER TABLE "ingested_items" ADD COLUMN     "observed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "workspace_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "status_code" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("workspace_id","key")
);

-- CreateIndex
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");
