import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createEvent } from '@herald/events';
import { createTestKeys, type ServiceApp } from '@herald/service-kit';

import { startPgliteAnalytics, type PgliteAnalytics } from '../testing/pglite-analytics.ts';

const keys = createTestKeys();

const post = (id: string, publishedAt: string, impressions: number, engagements: number, contentType: 'image' | 'video') =>
  createEvent({
    type: 'ingestion.post.published',
    workspaceId: 'a',
    source: 'test',
    payload: {
      post: { network: 'x', networkPostId: id, profileId: 'brand', publishedAt, text: 'a, "quoted"\npost', contentType, tags: [] },
      metrics: { capturedAt: '2026-05-10T00:00:00Z', impressions, engagements },
    },
  });

describe('every table answers CSV when asked with Accept: text/csv', () => {
  let service: PgliteAnalytics;
  let app: ServiceApp;

  beforeAll(async () => {
    service = await startPgliteAnalytics(keys.verifyKey);
    ({ app } = service);
    // Monday 4 May 10:00 and Tuesday 5 May 18:00; nothing on the 6th.
    await service.publish([post('p1', '2026-05-04T10:00:00Z', 1000, 50, 'image'), post('p2', '2026-05-05T18:00:00Z', 0, 3, 'video')]);
  }, 120_000);

  afterAll(async () => {
    await service?.close();
  });

  const csv = async (url: string) => {
    const res = await app.inject({ url, headers: { 'x-api-key': keys.keyA, accept: 'text/csv' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    return parse(res.body, { columns: true }) as Record<string, string>[];
  };

  it('timeseries: a row per day, the same numbers as the JSON, missing as an empty cell', async () => {
    const url = '/v1/analytics/timeseries?from=2026-05-04&to=2026-05-07&interval=day';
    const rows = await csv(url);
    const json = (await app.inject({ url, headers: { 'x-api-key': keys.keyA } })).json();
    expect(rows.map((r) => r.start)).toEqual(['2026-05-04', '2026-05-05', '2026-05-06']);
    expect(rows.map((r) => Number(r.engagements))).toEqual(json.buckets.map((b: { engagements: number }) => b.engagements));
    expect(rows[0]!.engagementRate).toBe('0.05'); // 50 ÷ 1,000
    // No impressions on the 5th: the rate is missing, not 0.
    expect(rows[1]!.engagementRate).toBe('');
    expect(json.buckets[1].engagementRate).toBeNull();
  });

  it('breakdown and best times', async () => {
    const byType = await csv('/v1/analytics/breakdown?from=2026-05-01&to=2026-06-01&by=content-type');
    expect(byType.map((r) => [r.key, r.posts, r.engagements])).toEqual([
      ['image', '1', '50'],
      ['video', '1', '3'],
    ]);
    const cells = await csv('/v1/analytics/best-times?from=2026-05-01&to=2026-06-01');
    // All 168 weekday × hour cells; two hold a post.
    expect(cells).toHaveLength(168);
    expect(cells.filter((c) => c.posts !== '0').map((c) => [c.weekday, c.hour, c.posts])).toEqual([
      ['1', '10', '1'],
      ['2', '18', '1'],
    ]);
  });

  it('goals', async () => {
    await app.inject({
      method: 'POST',
      url: '/v1/analytics/goals',
      headers: { 'x-api-key': keys.keyA },
      payload: { name: 'May, "all in"', metric: 'engagements', target: 100, from: '2026-05-01', to: '2026-06-01' },
    });
    const [goal] = await csv('/v1/analytics/goals?at=2026-06-01');
    expect(goal).toMatchObject({ name: 'May, "all in"', metric: 'engagements', target: '100', period: 'May 2026', actual: '53', status: 'missed' });
  });

  it('JSON stays the default', async () => {
    const res = await app.inject({ url: '/v1/analytics/best-times?from=2026-05-01&to=2026-06-01', headers: { 'x-api-key': keys.keyA } });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });
});
