import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { EventBus } from '@herald/event-bus';
import { requireKafka, requirePostgres, testPostgresUrl } from '@herald/testing';

import { eventually } from '../service-process.ts';
import { createTestStack, type TestStack } from '../stack.ts';
import { mentionEvent, note, openBus, postEvent, publishInChunks, scale, storeTotals, TEST_TIMEOUT_MS, triangle } from './fault-kit.ts';

const up = (await requirePostgres()) && (await requireKafka());
const TOTAL = scale(4_000, 40_000);

describe.runIf(up)('fault: SIGTERM under load', () => {
  let stack: TestStack;
  let bus: EventBus;

  beforeAll(async () => {
    stack = createTestStack('fault_sigterm');
    bus = await openBus(stack);
  });

  afterAll(async () => {
    await bus?.close();
    await stack?.stop();
  });

  it(
    'lets the work in flight finish, exits 0, and loses nothing',
    async () => {
      const events = Array.from({ length: TOTAL }, (_, i) =>
        i % 2 === 0 ? postEvent(stack.workspaceId, i / 2) : mentionEvent(stack.workspaceId, (i - 1) / 2),
      );
      await publishInChunks(bus, events);
      const [analytics, listening] = await Promise.all([stack.start('analytics'), stack.start('listening')]);
      // Stopped while they are busy with the stream.
      await eventually(async () => expect((await storeTotals(testPostgresUrl(), stack.schemas)).listeningMentions).toBeGreaterThan(0), {
        timeoutMs: 120_000,
        intervalMs: 50,
      });
      const before = await storeTotals(testPostgresUrl(), stack.schemas);
      const codes = await Promise.all([analytics.stop(), listening.stop()]);
      const atStop = await storeTotals(testPostgresUrl(), stack.schemas);
      await Promise.all([stack.start('analytics'), stack.start('listening')]);

      const half = TOTAL / 2;
      await eventually(
        async () => expect(await storeTotals(testPostgresUrl(), stack.schemas)).toMatchObject({ analyticsEvents: TOTAL, listeningMentions: half }),
        { timeoutMs: scale(240_000, 900_000), intervalMs: 1_000 },
      );
      const totals = await storeTotals(testPostgresUrl(), stack.schemas);
      note('sigterm-under-load', { events: TOTAL, whenStopped: before, afterStop: atStop, codes, totals });
      expect(codes).toEqual([0, 0]);
      expect(before.analyticsEvents).toBeLessThan(TOTAL);
      expect(totals).toEqual({
        posts: half,
        impressions: triangle(half),
        analyticsMentions: half,
        analyticsEvents: TOTAL,
        listeningMentions: half,
        deadLetters: 0,
      });
      expect(analytics.output() + listening.output()).not.toMatch(/"level":(50|60)/);
    },
    TEST_TIMEOUT_MS,
  );
});
