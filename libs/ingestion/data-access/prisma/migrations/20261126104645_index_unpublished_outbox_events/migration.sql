-- DropIndex
DROP INDEX "outbox_events_published_at_seq_idx";

-- The relay's read, "unpublished, in order", through an index of the unpublished rows only: it stays as fast
-- however many rows were published before (Prisma cannot declare a partial index; see schema.prisma).
CREATE INDEX "outbox_events_unpublished_seq_idx" ON "outbox_events"("seq") WHERE "published_at" IS NULL;

-- A queue table: vacuum it after 5% of its rows changed rather than 20%.
ALTER TABLE "outbox_events" SET (autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.05);
