import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { MemoryEventBus } from '@herald/event-bus';
import { createEvent, type HeraldEvent } from '@herald/events';
import { createTestKeys, walkOddTargets, walkRoutes, type ServiceApp } from '@herald/service-kit';

import { startPgliteAnalytics, type PgliteAnalytics } from './testing/pglite-analytics.ts';

const WS = 'a';
const keys = createTestKeys();
const asA = { 'x-api-key': keys.keyA };

const published = (id: string, publishedAt: string, impressions: number, engagements: number | undefined, capturedAt = publishedAt) =>
  createEvent({
    type: 'ingestion.post.published',
    workspaceId: WS,
    source: 'test',
    payload: {
      post: { network: 'x', networkPostId: id, publishedAt, text: `post ${id}`, contentType: 'text', tags: [] },
      metrics: { capturedAt, impressions, ...(engagements === undefined ? { likes: 3, comments: 2 } : { engagements }) },
    },
  });

const analyzed = (id: string, occurredAt: string, score: number, scored = true) =>
  createEvent({
    type: 'listening.mention.analyzed',
    workspaceId: WS,
    source: 'test',
    payload: {
      mention: { network: 'x', networkMentionId: id, kind: 'mention', text: 'text', occurredAt },
      sentiment: { score, label: score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral', scored, drivers: [] },
      language: scored ? 'en' : 'und',
      topics: [],
    },
  });

describe('analytics: stored events and the period summary', () => {
  let service: PgliteAnalytics;
  let bus: MemoryEventBus;
  let app: ServiceApp;

  beforeAll(async () => {
    service = await startPgliteAnalytics(keys.verifyKey);
    ({ bus, app } = service);
  }, 120_000); // PGlite's start and migrations take seconds on a busy machine

  afterAll(async () => {
    await service?.close();
  });

  const summary = async (from: string, to: string) => {
    const res = await app.inject({ url: `/v1/analytics/summary?from=${from}&to=${to}`, headers: asA });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const publish = (events: HeraldEvent[]) => service.publish(events);

  it('sums the newest snapshot of each post published in the period, and averages scored mentions', async () => {
    const first = published('1', '2026-11-02T10:00:00Z', 1000, 40);
    await publish([
      first,
      published('2', '2026-11-05T10:00:00Z', 500, undefined),
      // Outside [from, to): to is exclusive.
      published('3', '2026-12-01T00:00:00Z', 9999, 999),
      analyzed('m1', '2026-11-03T00:00:00Z', 0.8),
      analyzed('m2', '2026-11-04T00:00:00Z', -0.2),
      analyzed('m3', '2026-11-04T00:00:00Z', 0, false),
    ]);
    // A newer reading of post 1 replaces its totals; an older one arriving later does not.
    await publish([
      createEvent({
        type: 'ingestion.metrics.captured',
        workspaceId: WS,
        source: 'test',
        payload: { network: 'x', networkPostId: '1', metrics: { capturedAt: '2026-11-04T10:00:00Z', impressions: 2000, engagements: 90 } },
      }),
      createEvent({
        type: 'ingestion.metrics.captured',
        workspaceId: WS,
        source: 'test',
        payload: { network: 'x', networkPostId: '1', metrics: { capturedAt: '2026-11-03T10:00:00Z', impressions: 1500, engagements: 60 } },
      }),
    ]);
    // Redelivery of an event already applied changes nothing.
    await publish([first]);

    const s = await summary('2026-11-01', '2026-12-01');
    // Post 1 newest: 2000 / 90; post 2: 500 impressions, 3 likes + 2 comments = 5 engagements.
    expect(s).toMatchObject({ posts: 2, impressions: 2500, engagements: 95, mentions: 3 });
    expect(s.engagementRate).toBeCloseTo(95 / 2500, 12);
    // Only scored mentions count: (0.8 - 0.2) / 2.
    expect(s.averageSentiment).toBeCloseTo(0.3, 12);
  });

  it('applies an event once: an old event delivered again after a newer one does not undo it', async () => {
    const before = await summary('2026-11-01', '2026-12-01');
    const december = await summary('2026-12-01', '2027-01-01');
    const post = { network: 'x' as const, networkPostId: 'moved', text: 'moved', contentType: 'text' as const, tags: [] };
    const first = createEvent({
      type: 'ingestion.post.published',
      workspaceId: WS,
      source: 'test',
      payload: { post: { ...post, publishedAt: '2026-11-10T10:00:00Z' }, metrics: { capturedAt: '2026-11-10T10:00:00Z', impressions: 300, engagements: 3 } },
    });
    // The network corrected the date: the post belongs to December.
    const moved = createEvent({
      type: 'ingestion.post.updated',
      workspaceId: WS,
      source: 'test',
      payload: { post: { ...post, publishedAt: '2026-12-10T10:00:00Z' } },
    });
    await publish([first]);
    await publish([moved]);
    // The old event comes again after the newer one (the outbox sending it twice, a replayed dead
    // letter): without the event-id check it would move the post back into November.
    await publish([first]);

    expect(await summary('2026-11-01', '2026-12-01')).toMatchObject({ posts: before.posts, impressions: before.impressions });
    expect(await summary('2026-12-01', '2027-01-01')).toMatchObject({ posts: december.posts + 1, impressions: december.impressions + 300 });
  });

  it("keeps workspaces apart: the workspace is the key's, and a workspaceId sent along is refused", async () => {
    const refused = await app.inject({ url: `/v1/analytics/summary?workspaceId=b&from=2026-11-01&to=2026-12-01`, headers: asA });
    expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'WORKSPACE_FROM_KEY']);
    const res = await app.inject({ url: `/v1/analytics/summary?from=2026-11-01&to=2026-12-01`, headers: { 'x-api-key': keys.keyB } });
    expect(res.json()).toMatchObject({ posts: 0, impressions: 0, mentions: 0, engagementRate: null, averageSentiment: null });
  });

  it('names the bad date in a 400', async () => {
    const res = await app.inject({ url: `/v1/analytics/summary?from=2026-02-30&to=2026-03-01`, headers: asA });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'PERIOD_INVALID' });
    expect(res.json().error.message).toContain('from');
  });

  it('dead-letters metrics for a post it never saw, and goes on', async () => {
    await publish([
      createEvent({
        type: 'ingestion.metrics.captured',
        workspaceId: WS,
        source: 'test',
        payload: { network: 'x', networkPostId: 'ghost', metrics: { capturedAt: '2026-11-04T10:00:00Z', impressions: 5 } },
      }),
      published('4', '2026-11-06T10:00:00Z', 100, 1),
    ]);
    expect(bus.records('herald.ingestion.posts.v1.dlq')).toHaveLength(1);
    expect((await summary('2026-11-01', '2026-12-01')).posts).toBe(3);
  });

  it('walks every API route from the route table: no, wrong, revoked or under-scoped keys refused, workspace b never sees a', async () => {
    const { routes, violations } = await walkRoutes({ app, keys: keys.walk, marker: '"workspaceId":"a"' });
    expect(routes.map((r) => `${r.method} ${r.url}`)).toContain('GET /v1/analytics/summary');
    expect(violations).toEqual([]);
  }, 120_000); // many requests; seconds on a busy machine

  it('refuses odd request targets without a key over a real socket', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { tried, violations } = await walkOddTargets({ app, port: (app.server.address() as { port: number }).port });
    expect(tried).toBeGreaterThan(5);
    expect(violations).toEqual([]);
  }, 120_000); // many requests; seconds on a busy machine

  it('keeps a dead letter with its error, lists it for its workspace only, and replays it once fixed, counted once', async () => {
    const reading = createEvent({
      type: 'ingestion.metrics.captured',
      workspaceId: WS,
      source: 'test',
      payload: { network: 'x', networkPostId: 'late', metrics: { capturedAt: '2026-11-20T10:00:00Z', impressions: 700, engagements: 7 } },
    });
    await publish([reading]);
    const list = async (workspaceId: string) => {
      const res = await app.inject({ url: '/v1/admin/dead-letters', headers: workspaceId === WS ? asA : { 'x-api-key': keys.keyB } });
      expect(res.statusCode).toBe(200);
      return res.json().items as {
        id: string;
        eventId: string;
        errorCode: string;
        errorMessage: string;
        value: string;
        replayedAt: string | null;
        topic: string;
      }[];
    };
    const letter = (await list(WS)).find((l) => l.eventId === reading.id);
    expect(letter).toMatchObject({
      topic: 'herald.ingestion.posts.v1',
      errorCode: 'ANALYTICS_UNKNOWN_POST',
      errorMessage: 'metrics for unknown post a:x:late',
      replayedAt: null,
    });
    expect(JSON.parse(letter!.value)).toMatchObject({ id: reading.id });
    expect(await list('other')).toEqual([]);
    const replay = (workspaceId = WS) =>
      app.inject({ method: 'POST', url: `/v1/admin/dead-letters/${letter!.id}/replay`, headers: workspaceId === WS ? asA : { 'x-api-key': keys.keyB } });

    // Still broken: the replay fails with the same error, and the letter stays.
    const failed = await replay();
    expect(failed.statusCode).toBe(422);
    expect(failed.json().error).toMatchObject({ code: 'DEAD_LETTER_REPLAY_FAILED' });
    // Another workspace cannot see it, let alone replay it.
    expect((await replay('other')).statusCode).toBe(404);

    // The fix: the post arrives (with no reading of its own). Replayed, the reading counts; replayed again, nothing changes.
    const before = await summary('2026-11-01', '2026-12-01');
    await publish([published('late', '2026-11-19T10:00:00Z', 0, 0, '2026-11-19T10:00:00Z')]);
    const ok = await replay();
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id: letter!.id, failures: 2 });
    expect(ok.json().replayedAt).toEqual(expect.any(String));
    const after = await summary('2026-11-01', '2026-12-01');
    // One more post, whose newest reading is the replayed one: 700 impressions, 7 engagements.
    expect(after).toMatchObject({ posts: before.posts + 1, impressions: before.impressions + 700, engagements: before.engagements + 7 });
    expect((await replay()).statusCode).toBe(200);
    expect(await summary('2026-11-01', '2026-12-01')).toEqual(after);
  });
});
