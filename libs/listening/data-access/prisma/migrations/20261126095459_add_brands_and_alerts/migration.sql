-- AlterTable
ALTER TABLE "mention_analyses" ADD COLUMN     "brand_ids" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "brands" (
    "id" UUID NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "products" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "campaigns" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "excludes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "brands_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "listening_alerts" (
    "id" UUID NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "bucket_end" TIMESTAMPTZ(3) NOT NULL,
    "observed" DOUBLE PRECISION NOT NULL,
    "baseline" DOUBLE PRECISION NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "payload" JSONB NOT NULL,
    "detected_at" TIMESTAMPTZ(3) NOT NULL,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "listening_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "brands_workspace_id_name_key" ON "brands"("workspace_id", "name");

-- CreateIndex
CREATE INDEX "listening_alerts_workspace_id_bucket_start_idx" ON "listening_alerts"("workspace_id", "bucket_start");

-- CreateIndex
CREATE UNIQUE INDEX "listening_alerts_workspace_id_kind_bucket_start_bucket_end_key" ON "listening_alerts"("workspace_id", "kind", "bucket_start", "bucket_end");

-- CreateIndex
CREATE INDEX "mention_analyses_workspace_id_occurred_at_idx" ON "mention_analyses"("workspace_id", "occurred_at");
