import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

import { arbitraryFromSchema, fuzzRoute, fuzzSettings, reportFuzz, routeTableOf, type JsonSchema } from '@herald/testing';

import { createIngestionTestKit, KEY_A } from './testing/ingestion-test-kit.ts';

// Inputs per route: sized so this file stays under a minute on two busy cores.
const settings = fuzzSettings(120);
const kit = await createIngestionTestKit({ rateLimitPerMinute: 1_000_000 });
const routes = await routeTableOf(kit.app);
let tried = 0;

/** Everything a refused request must not have touched. */
const storeCounts = async () => ({
  items: await kit.db.prisma.ingestedItem.count(),
  outbox: await kit.db.prisma.outboxEvent.count(),
});

afterAll(async () => {
  reportFuzz('ingestion routes', tried, settings, `${routes.length} routes`);
  await kit.close();
});

describe('ingestion under hostile input', () => {
  it('finds its routes in the router', () => {
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['POST /v1/posts:batch', 'POST /v1/imports', 'GET /health']));
  });

  it.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))(
    '%s answers every input below 500, writes nothing when it refuses, and keeps serving',
    async (_name, route) => {
      tried += await fuzzRoute({
        app: kit.app,
        route,
        authenticate: () => ({ 'x-api-key': KEY_A }),
        runs: settings.runs,
        seed: settings.seed,
        snapshot: storeCounts,
      });
    },
  );

  it('stores nothing from an atomic batch that has one bad item', async () => {
    const batchRoutes = routes.filter((r) => r.method === 'POST' && r.url.endsWith(':batch') && r.body);
    expect(batchRoutes.length).toBeGreaterThanOrEqual(4);
    for (const route of batchRoutes) {
      const itemSchema = (route.body?.properties?.['items'] as JsonSchema | undefined)?.items;
      const valid = arbitraryFromSchema(itemSchema, { hostility: 0 });
      const bad = arbitraryFromSchema(itemSchema, { hostility: 0.6 });
      await fc.assert(
        fc.asyncProperty(fc.array(valid, { maxLength: 5 }), bad, fc.nat(), async (good, hostile, at) => {
          tried += 1;
          const items = [...good];
          items.splice(at % (good.length + 1), 0, hostile);
          const before = await storeCounts();
          const res = await kit.app.inject({ method: 'POST', url: `${route.url}?atomic=true`, headers: { 'x-api-key': KEY_A }, payload: { items } });
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode >= 400 || (res.json() as { rejected?: unknown[] }).rejected?.length) expect(await storeCounts()).toEqual(before);
        }),
        { numRuns: settings.runs, seed: settings.seed },
      );
    }
  });
});
