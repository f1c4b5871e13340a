import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createKafkaEventBus, type EventBus } from '@herald/event-bus';
import { createEvent, type HeraldEvent } from '@herald/events';
import { createLogger } from '@herald/service-kit';
import { requireKafka, requirePostgres, testKafkaBrokers } from '@herald/testing';

import { eventually } from './service-process.ts';
import { api, createTestStack, type TestStack } from './stack.ts';

const up = (await requirePostgres()) && (await requireKafka());
const TOTAL = 10_000;

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

describe.runIf(up)('analytics consumer stopped and started in the middle of 10,000 events', () => {
  let stack: TestStack;
  let bus: EventBus;

  beforeAll(async () => {
    stack = createTestStack('e2e_restart');
    bus = await createKafkaEventBus({ clientId: 'e2e', brokers: testKafkaBrokers(), topicPrefix: stack.env.HERALD_TOPIC_PREFIX!, logger: createLogger({ name: 'e2e', level: 'warn' }) });
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

    // The same 1,000 events delivered again, then one new event as a marker of having caught up.
    await publishRange(events.slice(0, 1000));
    const marker = postEvent(stack.workspaceId, TOTAL);
    await bus.publish([marker]);
    const final = await eventually(async () => {
      const s = await summary();
      expect(s.posts).toBe(TOTAL + 1);
      return s;
    }, { timeoutMs: 120_000 });
    // Impressions 1 + 2 + … + 10,001 = 10,001 × 10,002 / 2: any event counted twice or lost changes it.
    expect(final.impressions).toBe(((TOTAL + 1) * (TOTAL + 2)) / 2);
  });
});
