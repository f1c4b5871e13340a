import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createKafkaEventBus, type EventBus } from '@herald/event-bus';
import { createEvent } from '@herald/events';
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
    bus = await createKafkaEventBus({ clientId: 'e2e', brokers: testKafkaBrokers(), topicPrefix: stack.env.HERALD_TOPIC_PREFIX!, logger: createLogger({ name: 'e2e', level: 'warn' }) });
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
          post: { network: 'linkedin', networkPostId: `urn:li:share:${i}`, publishedAt: '2026-11-10T10:00:00Z', text: `post ${i}`, contentType: 'text', tags: [] },
          metrics: { capturedAt: '2026-11-11T10:00:00Z', impressions: 2, engagements: 1 },
        },
      }),
    );
    for (let i = 0; i < events.length; i += 1000) await bus.publish(events.slice(i, i + 1000));

    const summary = async (url: string) => (await api<{ posts: number; impressions: number }>(`${url}/v1/analytics/summary?from=2026-11-01&to=2026-12-01`, { apiKey: stack.apiKey })).body;
    await eventually(async () => expect((await summary(first!.url)).posts).toBe(TOTAL), { timeoutMs: 180_000, intervalMs: 500 });
    // Both replicas read the same store and see the same, exact totals: 2 impressions a post.
    expect(await summary(second!.url)).toMatchObject({ posts: TOTAL, impressions: 2 * TOTAL });
    expect(first!.output() + second!.output()).not.toMatch(/"level":(50|60)/);
  });
});
