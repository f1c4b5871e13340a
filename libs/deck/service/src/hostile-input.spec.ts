import { afterAll, describe, expect, it } from 'vitest';

import { analyticsSummaryOf, AnalyticsClientError, type AnalyticsClient } from '@herald/analytics-client';
import { createDeckDb } from '@herald/deck-data-access';
import { createMemoryEventBus } from '@herald/event-bus';
import { createLogger, createTestKeys } from '@herald/service-kit';
import { fuzzRoute, fuzzSettings, reportFuzz, routeTableOf } from '@herald/testing';

import { buildDeckApp } from './build-app.ts';

// Inputs per route: sized so this file stays under a minute on two busy cores.
const settings = fuzzSettings(100);
// Routes take the workspace from the key.
const keys = createTestKeys();
const logger = createLogger({ name: 'deck-fuzz', level: 'silent' });

/**
 * Stands in for the analytics API as its client behaves: an instant outside years 0000-9999 fails
 * its `date-time` check (400), anything else gets numbers at the edges of what its schema allows.
 */
const analytics: AnalyticsClient = {
  async getSummary(query) {
    for (const value of [query.from, query.to]) {
      if (!/^\d{4}-\d{2}-\d{2}T/.test(value))
        throw new AnalyticsClientError(400, 'VALIDATION_FAILED', `Invalid request: query.from must match format "date-time"`);
    }
    return analyticsSummaryOf({
      workspaceId: 'a',
      from: query.from,
      to: query.to,
      posts: 2 ** 31,
      impressions: 2 ** 53 - 1,
      engagements: 0,
      engagementRate: null,
      mentions: 7,
      averageSentiment: -1,
    });
  },
};

const db = createDeckDb({ kind: 'pglite' });
await db.migrate();
const bus = createMemoryEventBus({ logger });
const app = await buildDeckApp({ logger, db, bus, analytics, verifyKey: keys.verifyKey });
const routes = await routeTableOf(app);
let tried = 0;

/** How a request proves who it is: the key names the workspace. */
const access = { authenticate: () => ({ 'x-api-key': keys.keyA }) };

const seeded = await app.inject({ method: 'POST', url: '/v1/decks', headers: { 'x-api-key': keys.keyA }, payload: { from: '2026-11-01', to: '2026-12-01' } });
const knownIds = [(seeded.json() as { id: string }).id];

afterAll(async () => {
  reportFuzz('deck-builder', tried, settings, `${routes.length} routes`);
  await app.close();
  await bus.close();
  await db.close();
});

describe('deck-builder under hostile input', () => {
  it('finds its routes in the router', () => {
    expect(seeded.statusCode).toBe(201);
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['POST /v1/decks', 'GET /v1/decks/:id']));
  });

  it.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))(
    '%s answers every input below 500, writes nothing when it refuses, and keeps serving',
    async (_name, route) => {
      tried += await fuzzRoute({
        app,
        route,
        ...access,
        knownIds,
        runs: settings.runs,
        seed: settings.seed,
        snapshot: async () => ({ decks: await db.prisma.deck.count() }),
      });
    },
  );
});
