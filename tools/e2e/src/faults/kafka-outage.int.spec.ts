import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { EventBus } from '@herald/event-bus';
import { requireKafka, requirePostgres, testPostgresUrl } from '@herald/testing';

import { eventually } from '../service-process.ts';
import { createTestStack, type TestStack } from '../stack.ts';
import { note, openBus, scale, sleep, storeTotals, TEST_TIMEOUT_MS } from './fault-kit.ts';
import { readiness, startLoad } from './load.ts';
import { startOwnKafka, type OwnKafka } from './own-kafka.ts';

const up = (await requirePostgres()) && (await requireKafka());
const OUTAGE_MS = scale(10_000, 30_000);
const BATCH = scale(100, 500);

describe.runIf(up)(`fault: the Kafka broker stopped for ${OUTAGE_MS / 1000} s while ingestion takes requests and listening and analytics consume`, () => {
  let kafka: OwnKafka;
  let stack: TestStack;
  let bus: EventBus;

  beforeAll(async () => {
    // A broker of this test's own: the shared one is never stopped.
    kafka = await startOwnKafka();
    stack = createTestStack('fault_kafka', { kafkaBrokers: kafka.brokers });
    bus = await openBus(stack);
  }, 300_000);

  afterAll(async () => {
    await bus?.close().catch(() => undefined);
    await stack?.stop();
    await kafka?.destroy();
  }, 120_000);

  it(
    'loses no acknowledged item; requests are accepted into the outbox meanwhile; consumption resumes by itself',
    async () => {
      const [ingestion, listening, analytics] = await Promise.all([stack.start('ingestion'), stack.start('listening'), stack.start('analytics')]);
      const load = startLoad({ ingestionUrl: ingestion.url, apiKey: stack.apiKey, batch: BATCH, mentions: true });
      await eventually(async () => expect((await storeTotals(testPostgresUrl(), stack.schemas)).posts).toBeGreaterThan(BATCH), {
        timeoutMs: 120_000,
        intervalMs: 500,
      });

      await kafka.stop();
      load.faultBegins();
      const ready: Record<string, number> = {};
      const until = Date.now() + OUTAGE_MS;
      while (Date.now() < until) {
        for (const [name, url] of [
          ['ingestion', ingestion.url],
          ['analytics', analytics.url],
        ] as const) {
          const r = await readiness(url);
          const key = `${name}:${r.status}:kafka=${r.checks.kafka?.ok ?? '?'}`;
          ready[key] = (ready[key] ?? 0) + 1;
        }
        await sleep(1_000);
      }
      const storedDuringOutage = (await storeTotals(testPostgresUrl(), stack.schemas)).posts;
      await kafka.resume();
      load.faultEnds();
      // Some more traffic after the broker is back, then the load stops.
      await sleep(scale(3_000, 10_000));
      const result = await load.stop();

      const expectedImpressions = [...result.ackedPosts].reduce((sum, i) => sum + i + 1, 0);
      await eventually(
        async () =>
          expect(await storeTotals(testPostgresUrl(), stack.schemas)).toMatchObject({
            posts: result.ackedPosts.size,
            analyticsMentions: result.ackedMentions.size,
          }),
        { timeoutMs: 300_000, intervalMs: 1_000 },
      );
      const totals = await storeTotals(testPostgresUrl(), stack.schemas);
      note('kafka-outage', {
        outageMs: OUTAGE_MS,
        acknowledged: { posts: result.ackedPosts.size, mentions: result.ackedMentions.size },
        statuses: result.statuses,
        duringOutage: result.duringFault,
        retryAfter: [...result.retryAfter],
        ready,
        storedDuringOutage,
        totals,
      });

      // Listening analysed every mention and analytics stored every analysis: listening waited the outage out too.
      expect(totals).toMatchObject({
        posts: result.ackedPosts.size,
        impressions: expectedImpressions,
        listeningMentions: result.ackedMentions.size,
        analyticsMentions: result.ackedMentions.size,
        deadLetters: 0,
      });
      // Ingestion keeps accepting into its outbox while the broker is away: every answer was a 200.
      expect(Object.keys(result.duringFault)).toEqual(['200']);
      // Readiness tells the truth about the broker meanwhile.
      expect(ready).toHaveProperty(['analytics:503:kafka=false']);
      // Every service rode it out: none exited.
      expect([ingestion.child.exitCode, listening.child.exitCode, analytics.child.exitCode]).toEqual([null, null, null]);
    },
    TEST_TIMEOUT_MS,
  );
});
