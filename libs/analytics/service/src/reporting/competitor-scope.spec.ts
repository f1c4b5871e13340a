import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AnalyticsDb } from '@herald/analytics-data-access';
import { createEvent } from '@herald/events';
import { parsePeriod } from '@herald/period';
import { createTestKeys } from '@herald/service-kit';

import { startPgliteAnalytics, type PgliteAnalytics } from '../testing/pglite-analytics.ts';
import { loadSummary } from './summary.repository.ts';

const post = (id: string, profileId: string, impressions: number, engagements: number) =>
  createEvent({
    type: 'ingestion.post.published',
    workspaceId: 'a',
    source: 'test',
    payload: {
      post: { network: 'x', networkPostId: id, profileId, publishedAt: '2026-05-04T10:00:00Z', text: 'post', contentType: 'text', tags: [] },
      metrics: { capturedAt: '2026-05-05T10:00:00Z', impressions, engagements },
    },
  });
const followers = (profileId: string, date: string, count: number) =>
  createEvent({
    type: 'ingestion.followers.counted',
    workspaceId: 'a',
    source: 'test',
    payload: { followers: { network: 'x', profileId, date, followers: count } },
  });

describe('a profile marked as a competitor is never counted as the workspace own', () => {
  let service: PgliteAnalytics;
  let db: AnalyticsDb;
  const may = parsePeriod('2026-05-01', '2026-06-01');

  beforeAll(async () => {
    service = await startPgliteAnalytics(createTestKeys().verifyKey);
    ({ db } = service);
    await service.publish([
      post('own-1', 'brand', 1000, 50),
      post('rival-1', 'rival', 5000, 400),
      followers('brand', '2026-04-30', 2000),
      followers('brand', '2026-05-31', 2100),
      followers('rival', '2026-04-30', 9000),
      followers('rival', '2026-05-31', 9900),
    ]);
    await db.prisma.competitorProfile.create({ data: { workspaceId: 'a', network: 'x', profileId: 'rival', competitor: 'Rival Inc' } });
  }, 120_000);

  afterAll(async () => {
    await service?.close();
  });

  it('leaves the competitor posts and followers out of the own totals', async () => {
    const own = await loadSummary(db, { workspaceId: 'a', timeZone: 'UTC' }, may);
    expect(own).toMatchObject({ posts: 1, impressions: 1000, engagements: 50, followers: 2100, followerGrowth: 100 });
  });

  it('reads one competitor alone when the scope names it', async () => {
    const rival = await loadSummary(db, { workspaceId: 'a', timeZone: 'UTC', competitor: 'Rival Inc' }, may);
    expect(rival).toMatchObject({ posts: 1, impressions: 5000, engagements: 400, followers: 9900, followerGrowth: 900 });
    const nobody = await loadSummary(db, { workspaceId: 'a', timeZone: 'UTC', competitor: 'Someone Else' }, may);
    expect(nobody).toMatchObject({ posts: 0, followers: null });
  });
});
