import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createKafkaEventBus, type EventBus } from '@herald/event-bus';
import { createEvent, type HeraldEvent } from '@herald/events';
import { createLogger } from '@herald/service-kit';
import { requireKafka, requirePostgres, testKafkaBrokers } from '@herald/testing';

import { eventually } from './service-process.ts';
import { api, createTestStack, type TestStack } from './stack.ts';

const up = (await requirePostgres()) && (await requireKafka());
const TOTAL = 10_000;
const MOVED = 1_000;
const MARKERS = 30;

interface Summary {
  posts: number;
  impressions: number;
}

/** Post i has i + 1 impressions, so all of them add up to TOTAL (TOTAL + 1) / 2. */
function postEvent(workspaceId: string, i: number): HeraldEvent {
  const publishedAt = new Date(Date.UTC(2026, 10, 1) + (i % (29 * 24)) * 3_600_000).toISOString();
  return createEvent({
    type: 'ingestion.post.published',
    workspaceId,
    source: 'e2e',
    payload: {
      post: { network: 'x', networkPostId: `18${String(i).padStart(17, '0')}`, publishedAt, text: `post ${i}`, contentType: 'text', tags: [] },
      metrics: { capturedAt: publishedAt, impressions: i + 1, engagements: 1 },
    },
  });
}

/** The same post, published a month later: a correction from the network. */
function movedToDecember(event: HeraldEvent): HeraldEvent {
  if (event.type !== 'ingestion.post.published') throw new Error('a post.published event');
  const { post } = event.payload;
  const publishedAt = new Date(Date.parse(post.publishedAt) + 30 * 86_400_000).toISOString();
  return createEvent({ type: 'ingestion.post.updated', workspaceId: event.workspaceId, source: 'e2e', payload: { post: { ...post, publishedAt } } });
}

describe.runIf(up)('analytics consumer stopped and started in the middle of 10,000 events', () => {
  let stack: TestStack;
  let bus: EventBus;

  beforeAll(async () => {
    stack = createTestStack('e2e_restart');
    bus = await createKafkaEventBus({
      clientId: 'e2e',
      brokers: testKafkaBrokers(),
      topicPrefix: stack.env.HERALD_TOPIC_PREFIX!,
      logger: createLogger({ name: 'e2e', level: 'warn' }),
    });
    await bus.ensureTopics();
  });

  afterAll(async () => {
    await bus?.close();
    await stack?.stop();
  });

  const summary = async () => {
    const res = await api<Summary>(`${stack.services.analytics!.url}/v1/analytics/summary?from=2026-11-01&to=2026-12-01`, { apiKey: stack.apiKey });
    if (res.status !== 200) throw new Error(`summary answered ${res.status}`);
    return res.body;
  };
  const publishRange = async (events: HeraldEvent[]) => {
    for (let i = 0; i < events.length; i += 1000) await bus.publish(events.slice(i, i + 1000));
  };

  it('stores every event exactly once: none lost, none counted twice', async () => {
    const events = Array.from({ length: TOTAL }, (_, i) => postEvent(stack.workspaceId, i));

    await publishRange(events.slice(0, 4000));
    await stack.start('analytics');
    await eventually(async () => expect((await summary()).posts).toBeGreaterThanOrEqual(1000), { timeoutMs: 120_000, intervalMs: 50 });
    // No goodbye: whatever was handled but not committed comes again after the restart.
    await stack.services.analytics!.kill();

    await publishRange(events.slice(4000, 7000));
    await stack.start('analytics');
    await eventually(async () => expect((await summary()).posts).toBeGreaterThanOrEqual(5000), { timeoutMs: 120_000, intervalMs: 50 });
    // A graceful stop in the middle of the stream.
    expect(await stack.services.analytics!.stop()).toBe(0);

    await publishRange(events.slice(7000));
    await stack.start('analytics');
    await eventually(async () => expect((await summary()).posts).toBe(TOTAL), { timeoutMs: 180_000, intervalMs: 200 });

    // The network corrects the date of the first 1,000 posts: they move to December.
    await publishRange(events.slice(0, MOVED).map((e) => movedToDecember(e)));
    await eventually(async () => expect((await summary()).posts).toBe(TOTAL - MOVED), { timeoutMs: 120_000, intervalMs: 200 });

    // Their original events delivered again, then new events as markers of having caught up: 30
    // post keys cover every partition, and each partition keeps its order, so once all markers are
    // stored every redelivered event has been handled. Applied a second time, an old event would
    // move its post back into November.
    await publishRange(events.slice(0, MOVED));
    await bus.publish(Array.from({ length: MARKERS }, (_, k) => postEvent(stack.workspaceId, TOTAL + k)));
    await eventually(async () => expect((await summary()).posts).toBeGreaterThanOrEqual(TOTAL - MOVED + MARKERS), { timeoutMs: 120_000 });
    const final = await summary();
    expect(final.posts).toBe(TOTAL - MOVED + MARKERS);
    // Post i has i + 1 impressions: 1 + … + 10,030 = 10,030 × 10,031 / 2, less the moved posts'
    // 1 + … + 1,000. Any event counted twice or lost changes it.
    const n = TOTAL + MARKERS;
    expect(final.impressions).toBe((n * (n + 1)) / 2 - (MOVED * (MOVED + 1)) / 2);
  });
});
