import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createEvent } from '@herald/events';
import { createTestKeys, type ServiceApp } from '@herald/service-kit';

import { startPgliteAnalytics, type PgliteAnalytics } from '../testing/pglite-analytics.ts';

const keys = createTestKeys();

const post = (id: string, publishedAt: string, metrics: { impressions: number; engagements: number; likes?: number; shares: number; comments: number }) =>
  createEvent({
    type: 'ingestion.post.published',
    workspaceId: 'a',
    source: 'test',
    payload: {
      post: { network: 'x', networkPostId: id, publishedAt, text: 'post', contentType: 'text', tags: [] },
      metrics: { capturedAt: '2026-05-20T00:00:00Z', ...metrics },
    },
  });

// April: 200 engagements, 120 likes, 10 shares, 6 comments. May: 500 engagements, 320 likes, 30 shares, 20 comments.
const EVENTS = [
  post('apr', '2026-04-10T10:00:00Z', { impressions: 4000, engagements: 200, likes: 120, shares: 10, comments: 6 }),
  post('may', '2026-05-10T10:00:00Z', { impressions: 8000, engagements: 500, likes: 320, shares: 30, comments: 20 }),
];

describe('custom metrics: formulas over the base metrics, beside them in summaries and timeseries', () => {
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

  const call = (method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object, key = keys.keyA) =>
    app.inject({ method, url, headers: { 'x-api-key': key }, ...(payload ? { payload } : {}) });

  it('defines a metric and reports it in the summary, with its change', async () => {
    const put = await call('PUT', '/v1/analytics/custom-metrics/nonLikeEngagements', {
      label: 'Engagements beyond likes',
      formula: 'engagements - likes',
      kind: 'count',
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ name: 'nonLikeEngagements', metrics: ['engagements', 'likes'] });
    await call('PUT', '/v1/analytics/custom-metrics/earnedMedia', { label: 'Earned media value', formula: '(shares * 2 + comments) * 0.5', kind: 'count' });

    const may = (await call('GET', '/v1/analytics/summary?from=2026-05-01&to=2026-06-01')).json();
    // May: 500 − 320 = 180; (30 × 2 + 20) × 0.5 = 40. April: 200 − 120 = 80; (10 × 2 + 6) × 0.5 = 13.
    expect(may.custom).toEqual({ earnedMedia: 40, nonLikeEngagements: 180 });
    expect(may.comparison.customChanges.nonLikeEngagements).toMatchObject({ current: 180, previous: 80, absolute: 100, relative: 1.25, unit: 'percent' });
    expect(may.comparison.customChanges.earnedMedia).toMatchObject({ current: 40, previous: 13 });
  });

  it('a rate-kind metric changes in points; missing inputs give null, not 0', async () => {
    await call('PUT', '/v1/analytics/custom-metrics/likeRate', { label: 'Like rate', formula: 'likes / impressions', kind: 'rate' });
    const june = (await call('GET', '/v1/analytics/summary?from=2026-06-01&to=2026-07-01')).json();
    // June has no posts: no impressions, no likes → the rate is missing.
    expect(june.custom.likeRate).toBeNull();
    const may = (await call('GET', '/v1/analytics/summary?from=2026-05-01&to=2026-06-01')).json();
    // 320 / 8,000 = 0.04 against 120 / 4,000 = 0.03: +1 pp.
    expect(may.comparison.customChanges.likeRate).toMatchObject({ unit: 'pp' });
    expect(may.comparison.customChanges.likeRate.points).toBeCloseTo(1, 9);
  });

  it('timeseries buckets and the metric definitions carry them', async () => {
    const series = (await call('GET', '/v1/analytics/timeseries?from=2026-04-01&to=2026-06-01&interval=month')).json();
    expect(series.buckets.map((b: { custom: Record<string, number> }) => b.custom.nonLikeEngagements)).toEqual([80, 180]);
    const definitions = (await call('GET', '/v1/analytics/metrics')).json();
    expect(definitions.custom.map((d: { name: string }) => d.name)).toEqual(['earnedMedia', 'likeRate', 'nonLikeEngagements']);
  });

  it.each([
    ['engagements - clicks', 'body.formula', /clicks is not a base metric/],
    ['process.exit(1)', 'body.formula', /not allowed|cannot be read/],
    ['likes ^ 2', 'body.formula', /not allowed/],
  ])('refuses the formula %s, naming the field, and stores nothing', async (formula, field, message) => {
    const res = await call('PUT', '/v1/analytics/custom-metrics/broken', { label: 'Broken', formula, kind: 'count' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field, message: expect.stringMatching(message) });
    expect((await call('GET', '/v1/analytics/custom-metrics')).json().metrics.map((m: { name: string }) => m.name)).not.toContain('broken');
  });

  it('refuses a base metric name, and needs the admin scope', async () => {
    expect((await call('PUT', '/v1/analytics/custom-metrics/likes', { label: 'L', formula: 'likes', kind: 'count' })).json().error.details[0].field).toBe(
      'params.name',
    );
    expect((await call('PUT', '/v1/analytics/custom-metrics/x1', { label: 'L', formula: 'likes', kind: 'count' }, keys.walk.lacking('admin'))).statusCode).toBe(
      403,
    );
  });

  it('deletes, per workspace', async () => {
    expect((await call('DELETE', '/v1/analytics/custom-metrics/likeRate', undefined, keys.keyB)).statusCode).toBe(404);
    expect((await call('DELETE', '/v1/analytics/custom-metrics/likeRate')).statusCode).toBe(204);
    expect((await call('GET', '/v1/analytics/summary?from=2026-05-01&to=2026-06-01')).json().custom).not.toHaveProperty('likeRate');
  });
});
