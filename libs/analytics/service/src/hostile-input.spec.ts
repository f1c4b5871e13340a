import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

import { createAnalyticsDb } from '@herald/analytics-data-access';
import { createMemoryEventBus } from '@herald/event-bus';
import { decodeEvent, deadLetterTopicOf, TOPICS, type EventType } from '@herald/events';
import { createLogger, createTestKeys } from '@herald/service-kit';
import { fuzzRoute, fuzzSettings, rawEventMessageArbitrary, reportFuzz, routeTableOf } from '@herald/testing';

import { buildAnalyticsApp } from './build-app.ts';
import { startStoreEventsConsumer } from './consumers/store-events.consumer.ts';

// Inputs per route: sized so this file stays under a minute on two busy cores.
const settings = fuzzSettings(150);
// Routes take the workspace from the key.
const keys = createTestKeys();
const logger = createLogger({ name: 'analytics-fuzz', level: 'silent' });
const db = createAnalyticsDb({ kind: 'pglite' });
await db.migrate();
const bus = createMemoryEventBus({ logger });
await bus.ensureTopics();
const fatal: Error[] = [];
await startStoreEventsConsumer({ bus, db, logger, onFatal: (error) => void fatal.push(error) });
const app = await buildAnalyticsApp({ logger, db, bus, verifyKey: keys.verifyKey });
const routes = await routeTableOf(app);
let tried = 0;

/** How a request proves who it is: the key names the workspace. */
const access = { authenticate: () => ({ 'x-api-key': keys.keyA }) };

const TOPIC_TYPES: Record<string, EventType[]> = {
  [TOPICS.posts]: ['ingestion.post.published', 'ingestion.post.updated', 'ingestion.metrics.captured'],
  [TOPICS.profiles]: ['ingestion.followers.counted'],
  [TOPICS.mentionsAnalyzed]: ['listening.mention.analyzed'],
};

afterAll(async () => {
  reportFuzz('analytics', tried, settings, `${routes.length} routes and the store consumer`);
  await app.close();
  await bus.close();
  await db.close();
});

describe('analytics under hostile input', () => {
  it('finds its routes in the router', () => {
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['GET /v1/analytics/summary', 'GET /health']));
  });

  it.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s answers every input below 500 and keeps serving', async (_name, route) => {
    tried += await fuzzRoute({ app, route, ...access, runs: settings.runs, seed: settings.seed });
  });

  it.each(Object.entries(TOPIC_TYPES))('stores or dead-letters every message on %s, and keeps consuming', async (topic, types) => {
    await fc.assert(
      fc.asyncProperty(fc.array(rawEventMessageArbitrary(types), { minLength: 1, maxLength: 8 }), async (messages) => {
        tried += messages.length;
        const lettersBefore = bus.records(deadLetterTopicOf(topic)).length;
        for (const value of messages) await bus.publishRaw(topic, 'fuzz', value);
        await bus.drain();
        const letters = bus
          .records(deadLetterTopicOf(topic))
          .slice(lettersBefore)
          .map((r) => r.value?.toString('utf8') ?? '');
        const ids: string[] = [];
        for (const value of messages) {
          try {
            ids.push(decodeEvent(value).id);
          } catch {
            // checked below
          }
        }
        // Every event is claimed in processed_events in the same transaction as its effect.
        const processed = new Set(
          (await db.prisma.processedEvent.findMany({ where: { eventId: { in: ids } }, select: { eventId: true } })).map((p) => p.eventId),
        );
        for (const value of messages) {
          const text = value === null ? '' : Buffer.from(value).toString('utf8');
          let id: string | undefined;
          try {
            id = decodeEvent(value).id;
          } catch {
            expect(letters, 'a message that is not an event is dead-lettered').toContain(text);
            continue;
          }
          if (!processed.has(id)) expect(letters, `event ${id} is stored or dead-lettered`).toContain(text);
        }
        expect(fatal).toEqual([]);
      }),
      // A message the handler fails on is retried with backoff before it is dead-lettered: fewer, larger runs.
      { numRuns: Math.ceil(settings.runs / 6), seed: settings.seed },
    );
  });
});
