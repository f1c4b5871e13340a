import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { EventBus } from '@herald/event-bus';
import { requireKafka, requirePostgres, testPostgresUrl } from '@herald/testing';

import { eventually } from '../service-process.ts';
import { createTestStack, type TestStack } from '../stack.ts';
import {
  logger,
  mentionEvent,
  note,
  openBus,
  postEvent,
  publishInChunks,
  randomBetween,
  scale,
  sleep,
  storeTotals,
  TEST_TIMEOUT_MS,
  triangle,
} from './fault-kit.ts';

const up = (await requirePostgres()) && (await requireKafka());
// Half posts (for analytics), half mentions (for listening, then analytics).
const TOTAL = scale(6_000, 100_000);
const POSTS = TOTAL / 2;
const MENTIONS = TOTAL / 2;
const KILLS = 5;

describe.runIf(up)(
  `fault: the analytics and the listening consumer each SIGKILLed ${KILLS} times in a stream of ${TOTAL.toLocaleString('en-US')} events`,
  () => {
    let stack: TestStack;
    let bus: EventBus;

    beforeAll(async () => {
      stack = createTestStack('fault_kill');
      bus = await openBus(stack);
    });

    afterAll(async () => {
      await bus?.close();
      await stack?.stop();
    });

    it(
      'stores every event exactly once: counts and sums exact, nothing dead-lettered',
      async () => {
        const events = Array.from({ length: TOTAL }, (_, i) =>
          i % 2 === 0 ? postEvent(stack.workspaceId, i / 2) : mentionEvent(stack.workspaceId, (i - 1) / 2),
        );
        await Promise.all([stack.start('analytics'), stack.start('listening')]);
        const started = Date.now();
        const kills: Record<string, number> = { analytics: 0, listening: 0 };

        // The stream is published in KILLS + 1 parts; while each of the first KILLS parts is being
        // consumed, each consumer is killed at a random moment (no goodbye, nothing committed) and
        // started again.
        const part = Math.ceil(TOTAL / (KILLS + 1));
        for (let round = 0; round <= KILLS; round++) {
          await publishInChunks(bus, events.slice(round * part, (round + 1) * part));
          if (round === KILLS) break;
          await Promise.all(
            (['analytics', 'listening'] as const).map(async (name) => {
              await sleep(randomBetween(200, scale(1_500, 6_000)));
              await stack.services[name]!.kill();
              kills[name]! += 1;
              await stack.start(name);
            }),
          );
          logger.warn({ round, totals: await storeTotals(testPostgresUrl(), stack.schemas) }, 'killed and restarted both consumers');
        }

        const expected = {
          posts: POSTS,
          impressions: triangle(POSTS),
          analyticsMentions: MENTIONS,
          analyticsEvents: POSTS + MENTIONS,
          listeningMentions: MENTIONS,
          deadLetters: 0,
        };
        await eventually(
          async () =>
            expect(await storeTotals(testPostgresUrl(), stack.schemas)).toMatchObject({
              analyticsEvents: expected.analyticsEvents,
              listeningMentions: MENTIONS,
            }),
          {
            timeoutMs: scale(300_000, 1_800_000),
            intervalMs: 1_000,
          },
        );
        const totals = await storeTotals(testPostgresUrl(), stack.schemas);
        note('consumers-killed', { events: TOTAL, kills, seconds: Math.round((Date.now() - started) / 1000), totals });
        expect(totals).toEqual(expected);
      },
      TEST_TIMEOUT_MS,
    );
  },
);
