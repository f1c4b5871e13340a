import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createEvent } from '@herald/events';
import { createTestKeys, type ServiceApp } from '@herald/service-kit';

import { startPgliteAnalytics, type PgliteAnalytics } from '../testing/pglite-analytics.ts';

const keys = createTestKeys();

const post = (id: string, contentType: 'image' | 'video' | 'carousel', day: number, hour: number, engagements: number, text: string) =>
  createEvent({
    type: 'ingestion.post.published',
    workspaceId: 'a',
    source: 'test',
    payload: {
      post: { network: 'x', networkPostId: id, publishedAt: new Date(Date.UTC(2026, 4, day, hour)).toISOString(), text, contentType, tags: [] },
      metrics: { capturedAt: '2026-05-30T00:00:00Z', impressions: 1000, engagements },
    },
  });

// May 2026, 1,000 impressions each. 5 images at 09:00, 60 engagements, short text (6 %);
// 5 videos at 18:00, 40 engagements, 210 characters (4 %); 2 carousels at 09:00, 200 engagements, short (20 %).
// All: 12 posts, 12,000 impressions, 300 + 200 + 400 = 900 engagements: 7.5 %, 75 per post.
const EVENTS = [
  ...Array.from({ length: 5 }, (_, i) => post(`img${i}`, 'image', 4 + i, 9, 60, `image ${i}`)),
  ...Array.from({ length: 5 }, (_, i) => post(`vid${i}`, 'video', 4 + i, 18, 40, 'v'.repeat(210))),
  ...Array.from({ length: 2 }, (_, i) => post(`car${i}`, 'carousel', 11 + i, 9, 200, `carousel ${i}`)),
];

describe('content performance: the groups that perform best, where enough posts stand behind them', () => {
  let service: PgliteAnalytics;
  let app: ServiceApp;

  beforeAll(async () => {
    service = await startPgliteAnalytics(keys.verifyKey);
    ({ app } = service);
    await service.publish(EVENTS);
  }, 120_000);

  afterAll(async () => {
    await service?.close();
  });

  const get = async (query: string) => {
    const res = await app.inject({ url: `/v1/analytics/content-performance?from=2026-05-01&to=2026-06-01&${query}`, headers: { 'x-api-key': keys.keyA } });
    return { status: res.statusCode, body: res.json() };
  };

  it('ranks content types by engagement rate, leaving out groups with too few posts', async () => {
    const { body } = await get('by=content-type');
    expect(body.baseline).toBeCloseTo(0.075, 12);
    // The carousels' 20 % stand on 2 posts: not ranked.
    expect(body.rows.map((r: { key: string; posts: number; value: number }) => [r.key, r.posts, r.value])).toEqual([
      ['image', 5, 0.06],
      ['video', 5, 0.04],
    ]);
    expect(body.rows[0].lift).toBeCloseTo(0.06 / 0.075 - 1, 12); // −20 %
    expect(body.tooFew).toEqual([{ key: 'carousel', posts: 2 }]);
    expect(body.rule).toMatch(/at least 5 posts/);
  });

  it('a lower bar lets the carousels in, at the top', async () => {
    const { body } = await get('by=content-type&minPosts=2');
    expect(body.rows[0]).toMatchObject({ key: 'carousel', value: 0.2 });
  });

  it('ranks a count per post', async () => {
    const { body } = await get('by=content-type&metric=engagements');
    expect(body.baseline).toBe(75);
    expect(body.rows.map((r: { key: string; value: number }) => [r.key, r.value])).toEqual([
      ['image', 60],
      ['video', 40],
    ]);
  });

  it('by length and by posting hour', async () => {
    // Short: 5 images + 2 carousels, 700 / 7,000 = 10 %; long: the videos, 4 %.
    const length = (await get('by=length')).body;
    expect(length.rows.map((r: { key: string; value: number }) => [r.key, r.value])).toEqual([
      ['short (< 80 chars)', 0.1],
      ['long (200+)', 0.04],
    ]);
    const hour = (await get('by=hour')).body;
    expect(hour.rows.map((r: { key: string; posts: number }) => [r.key, r.posts])).toEqual([
      ['09:00', 7],
      ['18:00', 5],
    ]);
  });

  it('refuses a metric the hour grid does not carry, naming it', async () => {
    const { status, body } = await get('by=hour&metric=likes');
    expect(status).toBe(400);
    expect(body.error.details[0].field).toBe('query.metric');
  });
});
