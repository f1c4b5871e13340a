import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

import { createMemoryEventBus } from '@herald/event-bus';
import { decodeEvent, deadLetterTopicOf, TOPICS } from '@herald/events';
import { createListeningDb } from '@herald/listening-data-access';
import { createLogger, createTestKeys } from '@herald/service-kit';
import { fuzzRoute, fuzzSettings, rawEventMessageArbitrary, reportFuzz, routeTableOf } from '@herald/testing';

import { buildListeningApp } from './build-app.ts';
import { startAnalyzeMentionsConsumer } from './consumers/analyze-mentions.consumer.ts';

// Inputs per route: sized so this file stays under a minute on two busy cores.
const settings = fuzzSettings(100);
// Routes take the workspace from the key.
const keys = createTestKeys();
const logger = createLogger({ name: 'listening-fuzz', level: 'silent' });
const db = createListeningDb({ kind: 'pglite' });
await db.migrate();
const bus = createMemoryEventBus({ logger });
await bus.ensureTopics();
const fatal: Error[] = [];
await startAnalyzeMentionsConsumer({ bus, db, logger, onFatal: (error) => void fatal.push(error) });
const app = await buildListeningApp({ logger, db, bus, verifyKey: keys.verifyKey });
const routes = await routeTableOf(app);
let tried = 0;

/** How a request proves who it is: the key names the workspace. */
const access = { authenticate: () => ({ 'x-api-key': keys.keyA }) };

const seeded = await app.inject({
  method: 'POST',
  url: '/v1/listening/brands',
  headers: { 'x-api-key': keys.keyA },
  payload: { name: 'Acme', kind: 'own', keywords: ['@acmehq'] },
});
const knownIds = [(seeded.json() as { brand: { id: string } }).brand.id];

const storeCounts = async () => ({
  brands: await db.prisma.brand.count(),
  analyses: await db.prisma.mentionAnalysis.count(),
  alerts: await db.prisma.listeningAlert.count(),
});

afterAll(async () => {
  reportFuzz('listening', tried, settings, `${routes.length} routes and the mention consumer`);
  await app.close();
  await bus.close();
  await db.close();
});

describe('listening under hostile input', () => {
  it('finds its routes in the router', () => {
    expect(seeded.statusCode).toBe(201);
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['GET /v1/listening/summary', 'PUT /v1/listening/brands/:brandId']));
  });

  it.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))(
    '%s answers every input below 500, writes nothing when it refuses, and keeps serving',
    async (_name, route) => {
      tried += await fuzzRoute({ app, route, ...access, knownIds, runs: settings.runs, seed: settings.seed, snapshot: storeCounts });
    },
  );

  it('stores or dead-letters every message on the mentions topic, and keeps consuming', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rawEventMessageArbitrary(['ingestion.mention.received']), { minLength: 1, maxLength: 8 }), async (messages) => {
        tried += messages.length;
        const lettersBefore = bus.records(deadLetterTopicOf(TOPICS.mentions)).length;
        for (const value of messages) await bus.publishRaw(TOPICS.mentions, 'fuzz', value);
        await bus.drain();
        const letters = bus
          .records(deadLetterTopicOf(TOPICS.mentions))
          .slice(lettersBefore)
          .map((r) => r.value?.toString('utf8') ?? '');
        // Keys compared here, not in SQL: a key with U+0000 cannot even be looked up in PostgreSQL.
        const rows = await db.prisma.mentionAnalysis.findMany({ select: { workspaceId: true, network: true, networkMentionId: true } });
        const stored = new Set(rows.map((r) => JSON.stringify([r.workspaceId, r.network, r.networkMentionId])));
        for (const value of messages) {
          const text = value === null ? '' : Buffer.from(value).toString('utf8');
          let event;
          try {
            event = decodeEvent(value);
          } catch {
            expect(letters, 'a message that is not an event is dead-lettered').toContain(text);
            continue;
          }
          // Events of other types on this topic are not this consumer's to store.
          if (event.type !== 'ingestion.mention.received') continue;
          const { network, networkMentionId } = event.payload.mention;
          if (!stored.has(JSON.stringify([event.workspaceId, network, networkMentionId])))
            expect(letters, `mention ${networkMentionId} is stored or dead-lettered`).toContain(text);
        }
        expect(fatal).toEqual([]);
      }),
      // A message the handler fails on is retried with backoff before it is dead-lettered: fewer, larger runs.
      { numRuns: Math.ceil(settings.runs / 4), seed: settings.seed },
    );
  });
});
