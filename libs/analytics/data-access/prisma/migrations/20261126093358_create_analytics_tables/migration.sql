-- CreateTable
CREATE TABLE "posts" (
    "id" UUID NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "network_post_id" TEXT NOT NULL,
    "profile_id" TEXT,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "source_time_zone" TEXT,
    "text" TEXT NOT NULL,
    "link" TEXT,
    "content_type" TEXT NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "campaign" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "posts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_snapshots" (
    "post_id" UUID NOT NULL,
    "captured_at" TIMESTAMPTZ(3) NOT NULL,
    "impressions" INTEGER,
    "reach" INTEGER,
    "engagements" INTEGER,
    "likes" INTEGER,
    "comments" INTEGER,
    "shares" INTEGER,
    "saves" INTEGER,
    "link_clicks" INTEGER,
    "profile_clicks" INTEGER,
    "video_views" INTEGER,
    "watch_time_seconds" BIGINT,

    CONSTRAINT "metric_snapshots_pkey" PRIMARY KEY ("post_id","captured_at")
);

-- CreateTable
CREATE TABLE "mentions" (
    "id" UUID NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "network_mention_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "author" TEXT,
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "in_reply_to_post_id" TEXT,
    "replied_at" TIMESTAMPTZ(3),
    "sentiment_score" DOUBLE PRECISION NOT NULL,
    "sentiment_label" TEXT NOT NULL,
    "scored" BOOLEAN NOT NULL,
    "drivers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "intent" TEXT,
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "analyzed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "mentions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_events" (
    "event_id" UUID NOT NULL,
    "consumer" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "follower_counts" (
    "workspace_id" TEXT NOT NULL,
    "network" TEXT NOT NULL,
    "profile_id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "followers" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "follower_counts_pkey" PRIMARY KEY ("workspace_id","network","profile_id","date")
);

-- CreateIndex
CREATE INDEX "posts_workspace_id_published_at_idx" ON "posts"("workspace_id", "published_at");

-- CreateIndex
CREATE UNIQUE INDEX "posts_workspace_id_network_network_post_id_key" ON "posts"("workspace_id", "network", "network_post_id");

-- CreateIndex
CREATE INDEX "mentions_workspace_id_occurred_at_idx" ON "mentions"("workspace_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "mentions_workspace_id_network_network_mention_id_key" ON "mentions"("workspace_id", "network", "network_mention_id");

-- AddForeignKey
ALTER TABLE "metric_snapshots" ADD CONSTRAINT "metric_snapshots_post_id_fkey" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
