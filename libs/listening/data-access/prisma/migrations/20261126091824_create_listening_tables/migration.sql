-- CreateTable
CREATE TABLE "mention_analyses" (
    "id" UUID NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "network_mention_id" TEXT NOT NULL,
    "source_event_id" UUID NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "label" TEXT NOT NULL,
    "scored" BOOLEAN NOT NULL,
    "language" TEXT NOT NULL,
    "drivers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "intent" TEXT,
    "intent_confidence" DOUBLE PRECISION,
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "text" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "analyzed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "mention_analyses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_events" (
    "event_id" UUID NOT NULL,
    "consumer" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "mention_analyses_source_event_id_key" ON "mention_analyses"("source_event_id");

-- CreateIndex
CREATE UNIQUE INDEX "mention_analyses_workspace_id_network_network_mention_id_key" ON "mention_analyses"("workspace_id", "network", "network_mention_id");
