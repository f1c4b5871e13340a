import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { EventBus } from '@herald/event-bus';
import { requireKafka, requirePostgres, testPostgresUrl } from '@herald/testing';

import { eventually } from '../service-process.ts';
import { createTestStack, type TestStack } from '../stack.ts';
import { mentionEvent, note, openBus, postEvent, publishInChunks, scale, storeTotals, TEST_TIMEOUT_MS, triangle } from './fault-kit.ts';

const up = (await requirePostgres()) && (await requireKafka());
const TOTAL = scale(4_000, 40_000);

describe.runIf(up)('fault: two replicas of listening and of analytics in one group, one of each stopped in the middle', () => {
  let stack: TestStack;
  let bus: EventBus;

  beforeAll(async () => {
    stack = createTestStack('fault_replicas');
    bus = await openBus(stack);
  });

  afterAll(async () => {
    await bus?.close();
    await stack?.stop();
  });

  it(
    'keeps the totals exact',
    async () => {
      const events = Array.from({ length: TOTAL }, (_, i) =>
        i % 2 === 0 ? postEvent(stack.workspaceId, i / 2) : mentionEvent(stack.workspaceId, (i - 1) / 2),
      );
      const [analyticsA, , listeningA] = await Promise.all([
        stack.start('analytics'),
        stack.start('analytics'),
        stack.start('listening'),
        stack.start('listening'),
      ]);
      await publishInChunks(bus, events.slice(0, TOTAL / 2));
      await eventually(async () => expect((await storeTotals(testPostgresUrl(), stack.schemas)).analyticsEvents).toBeGreaterThan(TOTAL / 8), {
        timeoutMs: 120_000,
        intervalMs: 200,
      });
      // One replica of each leaves in the middle of the stream; the other takes its partitions over.
      const codes = await Promise.all([analyticsA!.stop(), listeningA!.stop()]);
      await publishInChunks(bus, events.slice(TOTAL / 2));

      const half = TOTAL / 2;
      await eventually(
        async () => expect(await storeTotals(testPostgresUrl(), stack.schemas)).toMatchObject({ analyticsEvents: TOTAL, listeningMentions: half }),
        { timeoutMs: scale(240_000, 900_000), intervalMs: 1_000 },
      );
      const totals = await storeTotals(testPostgresUrl(), stack.schemas);
      note('replicas-stopped', { events: TOTAL, totals });
      expect(codes).toEqual([0, 0]);
      expect(totals).toEqual({
        posts: half,
        impressions: triangle(half),
        analyticsMentions: half,
        analyticsEvents: TOTAL,
        listeningMentions: half,
        deadLetters: 0,
      });
    },
    TEST_TIMEOUT_MS,
  );
});
