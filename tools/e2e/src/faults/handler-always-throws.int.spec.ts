import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { EventBus } from '@herald/event-bus';
import { createEvent, TOPICS } from '@herald/events';
import { requireKafka, requirePostgres } from '@herald/testing';

import { eventually } from '../service-process.ts';
import { api, createTestStack, type TestStack } from '../stack.ts';
import { note, openBus, postEvent, postItem, TEST_TIMEOUT_MS } from './fault-kit.ts';

const up = (await requirePostgres()) && (await requireKafka());

interface Letter {
  id: string;
  topic: string;
  eventId: string | null;
  errorCode: string;
  errorMessage: string;
  failures: number;
  replayedAt: string | null;
}
interface Summary {
  posts: number;
  impressions: number;
  engagements: number;
}

describe.runIf(up)('fault: a handler that always throws', () => {
  let stack: TestStack;
  let bus: EventBus;

  beforeAll(async () => {
    stack = createTestStack('fault_dlq');
    bus = await openBus(stack);
  });

  afterAll(async () => {
    await bus?.close();
    await stack?.stop();
  });

  it(
    'dead-letters the event with its error, replays it once the cause is fixed, and counts it once',
    async () => {
      const analytics = await stack.start('analytics');
      const headers = { 'x-api-key': stack.apiKey };
      const summary = async () => (await api<Summary>(`${analytics.url}/v1/analytics/summary?from=2026-11-01&to=2026-12-01`, { apiKey: stack.apiKey })).body;
      const letters = async () => {
        const res = await fetch(`${analytics.url}/v1/admin/dead-letters`, { headers });
        expect(res.status).toBe(200);
        return ((await res.json()) as { items: Letter[] }).items;
      };
      const replay = (id: string) => fetch(`${analytics.url}/v1/admin/dead-letters/${id}/replay`, { method: 'POST', headers });

      // A reading of a post analytics has never seen: its handler throws every time (ANALYTICS_UNKNOWN_POST).
      const { metrics, ...post } = postItem(7);
      const reading = createEvent({
        type: 'ingestion.metrics.captured',
        workspaceId: stack.workspaceId,
        source: 'faults',
        payload: {
          network: post.network,
          networkPostId: post.networkPostId,
          metrics: { ...metrics, capturedAt: '2026-11-20T00:00:00Z', impressions: 5_000, engagements: 50 },
        },
      });
      const other = postEvent(stack.workspaceId, 8);
      await bus.publish([reading, other]);

      const [letter] = await eventually(async () => {
        const list = await letters();
        expect(list).toHaveLength(1);
        return list;
      });
      expect(letter).toMatchObject({ topic: TOPICS.posts, eventId: reading.id, errorCode: 'ANALYTICS_UNKNOWN_POST', replayedAt: null });
      expect(letter!.errorMessage).toContain(post.networkPostId);
      // The event after it went through: one bad event holds nothing back.
      await eventually(async () => expect((await summary()).posts).toBe(1));

      // Replayed before the fix: it fails again and stays, with one failure more.
      expect((await replay(letter!.id)).status).toBe(422);
      expect((await letters())[0]).toMatchObject({ failures: 2, replayedAt: null });

      // The fix: the post arrives. The replay stores the reading; a second replay changes nothing.
      await bus.publish([createEvent({ type: 'ingestion.post.published', workspaceId: stack.workspaceId, source: 'faults', payload: { post } })]);
      await eventually(async () => expect((await summary()).posts).toBe(2));
      const first = await replay(letter!.id);
      expect(first.status).toBe(200);
      const once = await summary();
      // Post 8: 9 impressions, 1 engagement; post 7: the replayed reading, 5,000 and 50.
      expect(once).toMatchObject({ posts: 2, impressions: 9 + 5_000, engagements: 1 + 50 });
      expect((await replay(letter!.id)).status).toBe(200);
      expect(await summary()).toEqual(once);
      const [after] = await letters();
      note('handler-always-throws', { letter: after });
      expect(after!.replayedAt).toEqual(expect.any(String));
    },
    TEST_TIMEOUT_MS,
  );
});
