import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAnalyticsDb, type AnalyticsDb } from '@herald/analytics-data-access';
import { dropTestSchema } from '@herald/db';
import { createMemoryEventBus, type MemoryEventBus } from '@herald/event-bus';
import { createEvent, type HeraldEvent } from '@herald/events';
import { createLogger, createTestKeys, type ServiceApp } from '@herald/service-kit';
import { requirePostgres, testPostgresUrl, uniqueName } from '@herald/testing';

import { buildAnalyticsApp } from '../build-app.ts';
import { applyBatch } from '../consumers/apply-batch.ts';

// A hand-computed fixture in America/New_York, where the clocks go forward on Sunday 8 March 2026
// (07:00 UTC): EST is UTC−5 before, EDT UTC−4 after. The week of 2 March therefore runs from
// 2 Mar 05:00Z to 9 Mar 04:00Z and its Sunday has 23 hours.
const WS = 'a';
const ZONE = 'America/New_York';
const logger = createLogger({ name: 'test', level: 'silent' });
const keys = createTestKeys();

interface Reading {
  at: string;
  impressions?: number;
  engagements?: number;
  reach?: number;
  likes?: number;
  comments?: number;
  videoViews?: number;
}
const post = (
  id: string,
  network: 'x' | 'linkedin',
  publishedAt: string,
  extra: { contentType: 'text' | 'image' | 'video'; tags: string[]; campaign?: string },
  readings: Reading[],
) => [
  createEvent({
    type: 'ingestion.post.published',
    workspaceId: WS,
    source: 'test',
    payload: { post: { network, networkPostId: id, publishedAt, text: `post ${id}`, ...extra } },
  }),
  ...readings.map(({ at, ...m }) =>
    createEvent({
      type: 'ingestion.metrics.captured',
      workspaceId: WS,
      source: 'test',
      payload: { network, networkPostId: id, metrics: { capturedAt: at, ...m } },
    }),
  ),
];
const mention = (
  id: string,
  kind: 'mention' | 'comment' | 'direct_message',
  occurredAt: string,
  label: 'positive' | 'neutral' | 'negative' | null,
  repliedAt?: string,
) =>
  createEvent({
    type: 'listening.mention.analyzed',
    workspaceId: WS,
    source: 'test',
    payload: {
      mention: { network: 'x', networkMentionId: id, kind, text: 'text', occurredAt, ...(repliedAt ? { repliedAt } : {}) },
      sentiment: { score: label === 'positive' ? 0.6 : label === 'negative' ? -0.6 : 0, label: label ?? 'neutral', scored: label !== null, drivers: [] },
      language: label ? 'en' : 'und',
      topics: [],
    },
  });
const followers = (network: 'x' | 'linkedin', date: string, count: number) =>
  createEvent({
    type: 'ingestion.followers.counted',
    workspaceId: WS,
    source: 'test',
    payload: { followers: { network, profileId: 'brand', date, followers: count } },
  });

const EVENTS: HeraldEvent[] = [
  // Previous week (23 Feb – 2 Mar): one post, 2,000 impressions, 40 engagements → rate 0.02.
  ...post('p0', 'x', '2026-02-24T14:00:00Z', { contentType: 'text', tags: [] }, [{ at: '2026-02-25T00:00:00Z', impressions: 2000, engagements: 40 }]),
  // Monday 2 Mar 09:00 EST. Read at 3 Mar for the week (its cutoff is 16 Mar 04:00Z); the 20 Mar
  // reading counts for March (cutoff 8 Apr 04:00Z); the 1 May reading is past both and never counts.
  ...post('p1', 'x', '2026-03-02T14:00:00Z', { contentType: 'text', tags: ['launch'], campaign: 'spring' }, [
    { at: '2026-03-03T00:00:00Z', impressions: 1000, engagements: 50, reach: 800 },
    { at: '2026-03-20T00:00:00Z', impressions: 5000, engagements: 300, reach: 4000 },
    { at: '2026-05-01T00:00:00Z', impressions: 9000, engagements: 500, reach: 7000 },
  ]),
  // Sunday 8 Mar 11:30 EDT. Engagements only as parts: 30 likes + 10 comments = 40. No reach.
  ...post('p2', 'linkedin', '2026-03-08T15:30:00Z', { contentType: 'video', tags: ['launch', 'tips'] }, [
    { at: '2026-03-09T00:00:00Z', impressions: 2000, likes: 30, comments: 10, videoViews: 900 },
  ]),
  // Sunday 8 Mar 23:30 EDT: still in the New York week, though already Monday 9 Mar in UTC.
  ...post('p3', 'x', '2026-03-09T03:30:00Z', { contentType: 'image', tags: [], campaign: 'spring' }, [
    { at: '2026-03-10T00:00:00Z', impressions: 1000, engagements: 10, reach: 500 },
  ]),
  // Friday 20 Mar: its only reading came from an export taken in June, so that reading is used.
  ...post('p4', 'x', '2026-03-20T16:00:00Z', { contentType: 'text', tags: [] }, [{ at: '2026-06-01T00:00:00Z', impressions: 700, engagements: 7 }]),
  mention('m1', 'mention', '2026-03-03T15:00:00Z', 'positive'),
  mention('m2', 'comment', '2026-03-04T15:00:00Z', 'negative', '2026-03-04T15:30:00Z'), // answered in 30 min
  mention('m3', 'direct_message', '2026-03-05T15:00:00Z', 'positive', '2026-03-05T16:30:00Z'), // answered in 90 min
  mention('m4', 'mention', '2026-03-06T15:00:00Z', null), // not scored: in neither share
  followers('x', '2026-03-01', 1000),
  followers('linkedin', '2026-03-01', 500),
  followers('linkedin', '2026-03-05', 520),
  followers('x', '2026-03-08', 1100),
];

const pgUp = await requirePostgres();
const url = testPostgresUrl();
const targets = [...(pgUp ? [{ name: 'PostgreSQL', schema: uniqueName('analytics_fixture') }] : []), { name: 'PGlite', schema: undefined }];

describe.each(targets)('analytics reporting fixture on $name', ({ name, schema }) => {
  let db: AnalyticsDb;
  let bus: MemoryEventBus;
  let app: ServiceApp;

  beforeAll(async () => {
    db = name === 'PostgreSQL' ? createAnalyticsDb({ kind: 'postgres', url, schema }) : createAnalyticsDb({ kind: 'pglite' });
    await db.migrate();
    bus = createMemoryEventBus({ logger });
    app = await buildAnalyticsApp({ logger, db, bus, verifyKey: keys.verifyKey });
    // Out of order (readings before their post would be refused, so reverse within kinds only) and twice:
    // the second delivery is a redelivery and changes nothing.
    const mentionsFirst = [
      ...EVENTS.filter((e) => e.type !== 'ingestion.post.published' && e.type !== 'ingestion.metrics.captured'),
      ...EVENTS.filter((e) => e.type === 'ingestion.post.published'),
      ...EVENTS.filter((e) => e.type === 'ingestion.metrics.captured').reverse(),
    ];
    await db.prisma.$transaction((tx) => applyBatch(tx, db.schema, mentionsFirst));
    const again = await db.prisma.$transaction((tx) => applyBatch(tx, db.schema, EVENTS));
    expect(again).toEqual({ applied: 0, duplicates: EVENTS.length });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await bus?.close();
    await db?.close();
    if (schema) await dropTestSchema({ url, schema });
  });

  const get = async (path: string) => {
    const res = await app.inject({ method: 'GET', url: path, headers: { 'x-api-key': keys.keyA } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('sums the New York week of the clock change by hand', async () => {
    const s = await get(`/v1/analytics/summary?from=2026-03-02&to=2026-03-09&timeZone=${ZONE}`);
    expect(s).toMatchObject({ from: '2026-03-02T05:00:00.000Z', to: '2026-03-09T04:00:00.000Z', kind: 'week', label: 'Week 10, 2026 (2 – 8 Mar 2026)' });
    expect(s).toMatchObject({
      posts: 3, // p1, p2, p3
      impressions: 4000, // 1,000 + 2,000 + 1,000 (p1 as of its 3 Mar reading)
      engagements: 100, // 50 + (30 + 10) + 10
      engagementRate: 0.025, // 100 / 4,000
      reach: 1300, // 800 + 500; p2 reported none
      likes: 30, // only p2 reported likes
      saves: null, // nobody reported saves: missing, not 0
      videoViews: 900,
      followers: 1620, // x 1,100 (8 Mar) + linkedin 520 (5 Mar): newest before 9 Mar
      followerGrowth: 120, // 1,620 − (1,000 + 500)
      followerGrowthRate: 0.08, // 120 / 1,500
      mentions: 4,
      sentiment: { scored: 3, positive: 2, neutral: 0, negative: 1 },
      inboundMessages: 1,
      responseRate: 1, // both the comment and the message were answered
      medianResponseMinutes: 60, // median of 30 and 90
    });
    expect(s.engagementRateByReach).toBeCloseTo(100 / 1300, 12);
    expect(s.engagementRateByFollowers).toBeCloseTo(100 / 1620, 12);
    expect(s.netSentiment).toBeCloseTo(1 / 3, 12); // (2 − 1) / 3 scored
    expect(s.averageSentiment).toBeCloseTo(0.2, 12); // (0.6 − 0.6 + 0.6) / 3
  });

  it('compares with the previous ISO week: rates in points, counts in percent', async () => {
    const s = await get(`/v1/analytics/summary?from=2026-03-02&to=2026-03-09&timeZone=${ZONE}`);
    expect(s.comparison.period).toEqual({ from: '2026-02-23T05:00:00.000Z', to: '2026-03-02T05:00:00.000Z', label: 'Week 9, 2026 (23 Feb – 1 Mar 2026)' });
    // 0.025 − 0.02 = 0.005, i.e. +0.5 pp (not "+25 %", not "+0.5 %")
    expect(s.comparison.changes.engagementRate).toMatchObject({ current: 0.025, previous: 0.02, relative: null, unit: 'pp' });
    expect(s.comparison.changes.engagementRate.points).toBeCloseTo(0.5, 12);
    // posts 1 → 3: +200 %; impressions 2,000 → 4,000: +100 %
    expect(s.comparison.changes.posts).toMatchObject({ absolute: 2, relative: 2, points: null, unit: 'percent' });
    expect(s.comparison.changes.impressions.relative).toBe(1);
    // sentiment had no scored mention the week before: no change to speak of
    expect(s.comparison.changes.netSentiment).toMatchObject({ previous: null, points: null, unit: 'pts' });
  });

  it('reads March as of 8 April: a later reading never changes a closed month', async () => {
    const march = await get(`/v1/analytics/summary?from=2026-03-01&to=2026-04-01&timeZone=${ZONE}&compare=none`);
    // p1 at its 20 Mar reading (5,000 / 300), not the 1 May one; p4 at its only (June) reading.
    expect(march).toMatchObject({ kind: 'month', label: 'March 2026', posts: 4, impressions: 8700, engagements: 357 }); // 5,000+2,000+1,000+700; 300+40+10+7
    expect(march.comparison).toBeUndefined();
  });

  it('cuts the week into seven New York days whose sums are the week', async () => {
    const t = await get(`/v1/analytics/timeseries?from=2026-03-02&to=2026-03-09&interval=day&timeZone=${ZONE}`);
    expect(t.buckets.map((b: { start: string }) => b.start)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
    ]);
    expect(t.buckets.map((b: { posts: number }) => b.posts)).toEqual([1, 0, 0, 0, 0, 0, 2]); // p3 is Sunday evening in New York
    expect(t.buckets[6]).toMatchObject({ impressions: 3000, engagements: 50, engagementRate: 50 / 3000 });
    expect(t.buckets[1]).toMatchObject({ impressions: 0, engagementRate: null, mentions: 1, netSentiment: 1 });
    const sum = (k: string) => t.buckets.reduce((n: number, b: Record<string, number>) => n + b[k]!, 0);
    expect([sum('posts'), sum('impressions'), sum('engagements'), sum('mentions')]).toEqual([3, 4000, 100, 4]);
  });

  it('breaks the week down by tag and by campaign, most engagements first', async () => {
    const tags = await get(`/v1/analytics/breakdown?from=2026-03-02&to=2026-03-09&by=tag&timeZone=${ZONE}`);
    expect(tags.rows.map((r: Record<string, unknown>) => [r.key, r.posts, r.impressions, r.engagements])).toEqual([
      ['launch', 2, 3000, 90], // p1 + p2
      ['tips', 1, 2000, 40], // p2
      [null, 1, 1000, 10], // p3 has no tag
    ]);
    const campaigns = await get(`/v1/analytics/breakdown?from=2026-03-02&to=2026-03-09&by=campaign&timeZone=${ZONE}`);
    expect(campaigns.rows.map((r: Record<string, unknown>) => [r.key, r.posts, r.engagements, r.engagementRate])).toEqual([
      ['spring', 2, 60, 0.03], // p1 + p3: 60 / 2,000
      [null, 1, 40, 0.02], // p2: 40 / 2,000
    ]);
  });

  it('puts each post in its New York weekday and hour', async () => {
    const b = await get(`/v1/analytics/best-times?from=2026-03-02&to=2026-03-09&timeZone=${ZONE}`);
    expect(b.cells).toHaveLength(168);
    const busy = b.cells.filter((c: { posts: number }) => c.posts > 0).map((c: Record<string, unknown>) => [c.weekday, c.hour, c.posts, c.engagementRate]);
    expect(busy).toEqual([
      [1, 9, 1, 0.05], // p1: Monday 09:00 EST, 50 / 1,000
      [7, 11, 1, 0.02], // p2: Sunday 11:30 EDT, 40 / 2,000
      [7, 23, 1, 0.01], // p3: Sunday 23:30 EDT, 10 / 1,000
    ]);
    const utc = await get('/v1/analytics/best-times?from=2026-03-02T05:00:00Z&to=2026-03-09T04:00:00Z');
    expect(utc.cells.find((c: { weekday: number; hour: number }) => c.weekday === 1 && c.hour === 3).posts).toBe(1); // p3 is Monday 03:30 in UTC
  });

  it('refuses a timestamp without an offset and an unknown zone, naming the field', async () => {
    for (const [query, field] of [
      ['from=2026-03-02T00:00:00&to=2026-03-09', 'query.from'],
      [`from=2026-03-02&to=2026-03-09&timeZone=Mars/Olympus`, 'query.timeZone'],
    ] as const) {
      const res = await app.inject({ method: 'GET', url: `/v1/analytics/summary?${query}`, headers: { 'x-api-key': keys.keyA } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'PERIOD_INVALID', details: [{ field }] });
    }
  });
});
