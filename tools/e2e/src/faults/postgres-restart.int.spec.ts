import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { requireKafka, requirePostgres } from '@herald/testing';

import { eventually } from '../service-process.ts';
import { createTestStack, type TestStack } from '../stack.ts';
import { note, scale, sleep, storeTotals, TEST_TIMEOUT_MS } from './fault-kit.ts';
import { readiness, startLoad } from './load.ts';
import { startOwnPostgres, type OwnPostgres } from './own-postgres.ts';

const up = (await requirePostgres()) && (await requireKafka());
const DOWN_MS = scale(5_000, 15_000);
const BATCH = scale(50, 250);

describe.runIf(up)('fault: PostgreSQL restarted while ingestion, listening and analytics work', () => {
  let postgres: OwnPostgres;
  let stack: TestStack;

  beforeAll(async () => {
    // A cluster of this test's own: the shared server is never restarted.
    postgres = await startOwnPostgres();
    stack = createTestStack('fault_pg', { databaseUrl: postgres.url });
  }, 300_000);

  afterAll(async () => {
    await stack?.stop().catch(() => undefined);
    await postgres?.destroy();
  }, 120_000);

  it(
    'pauses consumption and resumes it, /ready reports the outage, nothing lost or doubled',
    async () => {
      const services = await Promise.all([stack.start('ingestion'), stack.start('listening'), stack.start('analytics')]);
      const [ingestion, listening, analytics] = services;
      const load = startLoad({ ingestionUrl: ingestion.url, apiKey: stack.apiKey, batch: BATCH, mentions: true });
      await eventually(async () => expect((await storeTotals(postgres.url, stack.schemas)).analyticsMentions).toBeGreaterThan(BATCH), {
        timeoutMs: 120_000,
        intervalMs: 500,
      });

      const ready: Record<string, number> = {};
      const probe = async () => {
        for (const [name, url] of [
          ['ingestion', ingestion.url],
          ['listening', listening.url],
          ['analytics', analytics.url],
        ] as const) {
          const r = await readiness(url);
          const key = `${name}:${r.status}:database=${r.checks.database?.ok ?? '?'}`;
          ready[key] = (ready[key] ?? 0) + 1;
        }
      };
      load.faultBegins();
      await postgres.restart({
        downMs: DOWN_MS,
        whileDown: async () => {
          const until = Date.now() + DOWN_MS - 1_000;
          while (Date.now() < until) {
            await probe();
            await sleep(500);
          }
        },
      });
      load.faultEnds();
      await eventually(async () => expect((await readiness(analytics.url)).status).toBe(200), { timeoutMs: 120_000, intervalMs: 500 });
      await sleep(scale(3_000, 10_000));
      const result = await load.stop();

      const expected = {
        posts: result.ackedPosts.size,
        impressions: [...result.ackedPosts].reduce((sum, i) => sum + i + 1, 0),
        analyticsMentions: result.ackedMentions.size,
        listeningMentions: result.ackedMentions.size,
        deadLetters: 0,
      };
      await eventually(
        async () =>
          expect(await storeTotals(postgres.url, stack.schemas)).toMatchObject({ posts: expected.posts, analyticsMentions: expected.analyticsMentions }),
        {
          timeoutMs: 300_000,
          intervalMs: 1_000,
        },
      );
      const totals = await storeTotals(postgres.url, stack.schemas);
      note('postgres-restart', {
        downMs: DOWN_MS,
        acknowledged: { posts: result.ackedPosts.size, mentions: result.ackedMentions.size },
        statuses: result.statuses,
        duringRestart: result.duringFault,
        retryAfter: [...result.retryAfter],
        ready,
        totals,
      });

      expect(totals).toMatchObject(expected);
      // A request ingestion cannot store gets 503 with Retry-After (the client sends it again), never a 500.
      // On failure, the services' own error lines say which error escaped the 503 mapping.
      const serviceErrors = Object.values(stack.services).flatMap((svc) =>
        svc!
          .output()
          .split('\n')
          .filter((line) => line.includes('"level":50') && !line.includes('kafkajs')),
      );
      expect(
        Object.keys(result.statuses).filter((status) => status !== '200' && status !== '503'),
        serviceErrors.slice(0, 5).join('\n'),
      ).toEqual([]);
      if (result.statuses['503']) expect([...result.retryAfter]).toEqual(['503:5']);
      expect(ready).toHaveProperty(['analytics:503:database=false']);
      expect(ready).toHaveProperty(['listening:503:database=false']);
      expect(services.map((s) => s.child.exitCode)).toEqual([null, null, null]);
    },
    TEST_TIMEOUT_MS,
  );
});
