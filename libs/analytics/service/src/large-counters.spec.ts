import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAnalyticsDb, Prisma, type AnalyticsDb } from '@herald/analytics-data-access';
import { COUNTER_MAX, createEvent } from '@herald/events';

import { applyBatch } from './consumers/apply-batch.ts';
import { loadSummary } from './reporting/summary.repository.ts';

const WS = 'big';
const THREE_BILLION = 3_000_000_000; // above 2^31 - 1 = 2,147,483,647, the old int columns' limit

const post = (id: string, impressions: number, engagements: number) =>
  createEvent({
    type: 'ingestion.post.published',
    workspaceId: WS,
    source: 'test',
    payload: {
      post: { network: 'x', networkPostId: id, publishedAt: '2026-11-02T10:00:00Z', text: `post ${id}`, contentType: 'text', tags: [] },
      metrics: { capturedAt: '2026-11-03T00:00:00Z', impressions, engagements, videoViews: impressions, watchTimeSeconds: impressions },
    },
  });

describe('counters beyond 2^31 (BigInt columns)', () => {
  let db: AnalyticsDb;
  beforeAll(async () => {
    db = createAnalyticsDb({ kind: 'pglite' });
    await db.migrate();
  }, 60_000);
  afterAll(() => db?.close());

  const apply = (events: Parameters<typeof applyBatch>[2]) => db.prisma.$transaction((tx) => applyBatch(tx, db.schema, events));

  it('stores a post with three billion impressions and sums it exactly', async () => {
    await apply([post('viral', THREE_BILLION, THREE_BILLION / 10)]);
    const summary = await loadSummary(
      db,
      { workspaceId: WS, timeZone: 'UTC' },
      { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') },
    );
    expect(summary).toMatchObject({ posts: 1, impressions: 3_000_000_000, engagements: 300_000_000, engagementRate: 0.1 });
  });

  it('stores the largest counter an event may carry (2^53 - 1) without changing it', async () => {
    await apply([post('max', COUNTER_MAX, 1)]);
    const [row] = await db.prisma.$queryRaw<{ impressions: string; video_views: string }[]>`
      SELECT s.impressions::text AS impressions, s.video_views::text AS video_views
      FROM ${Prisma.raw(`"${db.schema}"."metric_snapshots"`)} s JOIN ${Prisma.raw(`"${db.schema}"."posts"`)} p ON p.id = s.post_id
      WHERE p.network_post_id = 'max'`;
    expect(row).toEqual({ impressions: '9007199254740991', video_views: '9007199254740991' });
  });

  it('gives a sum beyond 2^53 as the nearest JSON number, not an error', async () => {
    // 2^53 - 1 + 3e9: past what a double holds exactly; documented as rounded to the nearest double.
    const summary = await loadSummary(
      db,
      { workspaceId: WS, timeZone: 'UTC' },
      { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') },
    );
    expect(summary.impressions).toBe(COUNTER_MAX + THREE_BILLION);
  });

  it('stores a follower count of three billion', async () => {
    await apply([
      createEvent({
        type: 'ingestion.followers.counted',
        workspaceId: WS,
        source: 'test',
        payload: { followers: { network: 'x', profileId: 'p', date: '2026-11-02', followers: THREE_BILLION } },
      }),
    ]);
    const [row] = await db.prisma.$queryRaw<
      { followers: string }[]
    >`SELECT followers::text AS followers FROM ${Prisma.raw(`"${db.schema}"."follower_counts"`)}`;
    expect(row?.followers).toBe('3000000000');
  });
});
