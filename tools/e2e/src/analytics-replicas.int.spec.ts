import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createKafkaEventBus, type EventBus } from '@herald/event-bus';
import { createEvent, type HeraldEvent } from '@herald/events';
import { createLogger } from '@herald/service-kit';
import { requireKafka, requirePostgres, testKafkaBrokers } from '@herald/testing';

import { eventually } from './service-process.ts';
import { api, createTestStack, type TestStack } from './stack.ts';

const up = (await requirePostgres()) && (await requireKafka());
const TOTAL = 3_000;

describe.runIf(up)('two analytics replicas in one consumer group', () => {
  let stack: TestStack;
  let bus: EventBus;

  beforeAll(async () => {
    stack = createTestStack('e2e_replicas');
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

  it('split the stream and count every event once', async () => {
    // Both replicas migrate the same fresh schema at the same moment.
    const [first, second] = await Promise.all([stack.start('analytics'), stack.start('analytics')]);
    const events = Array.from({ length: TOTAL }, (_, i) =>
      createEvent({
        type: 'ingestion.post.published',
        workspaceId: stack.workspaceId,
        source: 'e2e',
        payload: {
          post: {
            network: 'linkedin',
            networkPostId: `urn:li:share:${i}`,
            publishedAt: '2026-11-10T10:00:00Z',
            text: `post ${i}`,
            contentType: 'text',
            tags: [],
          },
          metrics: { capturedAt: '2026-11-11T10:00:00Z', impressions: 2, engagements: 1 },
        },
      }),
    );
    const publishAll = async (list: readonly HeraldEvent[]) => {
      for (let i = 0; i < list.length; i += 1000) await bus.publish(list.slice(i, i + 1000));
    };
    await publishAll(events);

    const summary = async (url: string) =>
      (await api<{ posts: number; impressions: number }>(`${url}/v1/analytics/summary?from=2026-11-01&to=2026-12-01`, { apiKey: stack.apiKey })).body;
    await eventually(async () => expect((await summary(first!.url)).posts).toBe(TOTAL), { timeoutMs: 180_000, intervalMs: 500 });
    // Both replicas read the same store and see the same, exact totals: 2 impressions a post.
    expect(await summary(second!.url)).toMatchObject({ posts: TOTAL, impressions: 2 * TOTAL });

    // A third of the posts move to December, then their original events come again (as after a
    // rebalance): applied twice, an old event would move its post back into November.
    const moved = events.slice(0, TOTAL / 3);
    await publishAll(
      moved.map((e) => {
        if (e.type !== 'ingestion.post.published') throw new Error('a post.published event');
        return createEvent({
          type: 'ingestion.post.updated',
          workspaceId: e.workspaceId,
          source: 'e2e',
          payload: { post: { ...e.payload.post, publishedAt: '2026-12-10T10:00:00Z' } },
        });
      }),
    );
    await eventually(async () => expect((await summary(first!.url)).posts).toBe(TOTAL - moved.length), { timeoutMs: 180_000, intervalMs: 500 });
    await publishAll(moved);
    // 30 markers (no metrics) cover every partition; each partition keeps its order, so once they are
    // all stored every redelivered event has been handled.
    const markers = Array.from({ length: 30 }, (_, k) =>
      createEvent({
        type: 'ingestion.post.published',
        workspaceId: stack.workspaceId,
        source: 'e2e',
        payload: {
          post: {
            network: 'linkedin',
            networkPostId: `urn:li:share:marker-${k}`,
            publishedAt: '2026-11-10T10:00:00Z',
            text: 'marker',
            contentType: 'text',
            tags: [],
          },
        },
      }),
    );
    await bus.publish(markers);
    await eventually(async () => expect((await summary(second!.url)).posts).toBeGreaterThanOrEqual(TOTAL - moved.length + markers.length), {
      timeoutMs: 180_000,
      intervalMs: 500,
    });
    expect(await summary(second!.url)).toMatchObject({ posts: TOTAL - moved.length + markers.length, impressions: 2 * (TOTAL - moved.length) });
    expect(first!.output() + second!.output()).not.toMatch(/"level":(50|60)/);
  });
});
