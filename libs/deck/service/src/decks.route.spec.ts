import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { analyticsSummaryOf, type AnalyticsClient, type AnalyticsSummary } from '@herald/analytics-client';
import { createDeckDb, type DeckDb } from '@herald/deck-data-access';
import { createMemoryEventBus, type MemoryEventBus } from '@herald/event-bus';
import { createLogger, createTestKeys, walkOddTargets, walkRoutes, type ServiceApp } from '@herald/service-kit';

import { buildDeckApp } from './build-app.ts';

const logger = createLogger({ name: 'test', level: 'silent' });
const keys = createTestKeys();
const asA = { 'x-api-key': keys.keyA };

/** Stands in for the analytics API: answers by period, and records what was asked. */
function analyticsAnswering(byFrom: Record<string, Partial<AnalyticsSummary>>): AnalyticsClient & { asked: string[]; keys: string[] } {
  const asked: string[] = [];
  const keys: string[] = [];
  return {
    asked,
    keys,
    async getSummary(query, credentials) {
      asked.push(`${query.from}..${query.to}`);
      keys.push(credentials.apiKey);
      return analyticsSummaryOf({
        workspaceId: 'a',
        from: query.from,
        to: query.to,
        posts: 0,
        impressions: 0,
        engagements: 0,
        engagementRate: null,
        mentions: 0,
        averageSentiment: null,
        ...byFrom[query.from],
      });
    },
  };
}

describe('deck-builder decks', () => {
  let db: DeckDb;
  let bus: MemoryEventBus;
  let app: ServiceApp;
  const analytics = analyticsAnswering({ '2026-11-01T00:00:00.000Z': { posts: 3, impressions: 12_345, engagements: 600, engagementRate: 600 / 12_345 } });

  beforeAll(async () => {
    db = createDeckDb({ kind: 'pglite' });
    await db.migrate();
    bus = createMemoryEventBus({ logger });
    app = await buildDeckApp({ logger, db, bus, analytics, verifyKey: keys.verifyKey });
  }, 120_000); // PGlite's start and migrations take seconds on a busy machine

  afterAll(async () => {
    await app?.close();
    await bus?.close();
    await db?.close();
  });

  it('builds a deck for the period and the one before, keeps it, and serves it as a page', async () => {
    const created = await app.inject({ method: 'POST', url: '/v1/decks', headers: asA, payload: { from: '2026-11-01', to: '2026-12-01' } });
    expect(created.statusCode).toBe(201);
    const info = created.json();
    expect(info).toMatchObject({
      workspaceId: 'a',
      audience: 'executive',
      url: `/v1/decks/${info.id}`,
      shareUrl: expect.stringMatching(/^\/share\/decks\/[A-Za-z0-9_-]{43}$/),
    });
    // November and the 30 days before it, asked with the caller's own key.
    expect(analytics.asked).toEqual(['2026-11-01T00:00:00.000Z..2026-12-01T00:00:00.000Z', '2026-10-02T00:00:00.000Z..2026-11-01T00:00:00.000Z']);
    expect(analytics.keys).toEqual([keys.keyA, keys.keyA]);

    const page = await app.inject({ url: info.url, headers: asA });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.body).toContain('12,345');
    expect(page.body).toMatch(/<div class="reveal [^>]*>\s*<div class="slides">/);

    const list = await app.inject({ url: '/v1/decks', headers: asA });
    expect(list.json().items.map((d: { id: string }) => d.id)).toEqual([info.id]);
  });

  it('opens a deck by its share link without a key, with frame protection, and not with a guessed token', async () => {
    const created = (await app.inject({ method: 'POST', url: '/v1/decks', headers: asA, payload: { from: '2026-11-01', to: '2026-12-01' } })).json();
    const shared = await app.inject(created.shareUrl);
    expect(shared.statusCode).toBe(200);
    expect(shared.body).toContain('12,345');
    expect(shared.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(shared.headers['x-frame-options']).toBe('DENY');
    expect((await app.inject(`/share/decks/${'A'.repeat(43)}`)).statusCode).toBe(404);
    expect((await app.inject(created.url)).statusCode).toBe(401);
    // Only a hash of the token is kept.
    const row = await db.prisma.deck.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.shareTokenHash).not.toContain(created.shareUrl.split('/').at(-1));
    expect(row.shareTokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a workspaceId in the body, and answers 404 for another workspace's deck", async () => {
    const refused = await app.inject({ method: 'POST', url: '/v1/decks', headers: asA, payload: { workspaceId: 'b', from: '2026-11-01', to: '2026-12-01' } });
    expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'WORKSPACE_FROM_KEY']);
    const created = (await app.inject({ method: 'POST', url: '/v1/decks', headers: asA, payload: { from: '2026-11-01', to: '2026-12-01' } })).json();
    expect((await app.inject({ url: created.url, headers: { 'x-api-key': keys.keyB } })).statusCode).toBe(404);
    expect((await app.inject({ url: '/v1/decks', headers: { 'x-api-key': keys.keyB } })).json().items).toEqual([]);
  });

  it('walks every API route from the route table: no, wrong, revoked or under-scoped keys refused, workspace b never sees a', async () => {
    const created = (await app.inject({ method: 'POST', url: '/v1/decks', headers: asA, payload: { from: '2026-11-01', to: '2026-12-01' } })).json();
    const { routes, violations } = await walkRoutes({ app, keys: keys.walk, marker: '12,345', params: { id: created.id } });
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /v1/decks', 'GET /v1/decks', 'GET /v1/decks/:id']);
    expect(violations).toEqual([]);
  }, 120_000); // many requests; seconds on a busy machine

  it('refuses odd request targets without a key over a real socket', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { tried, violations } = await walkOddTargets({ app, port: (app.server.address() as { port: number }).port });
    expect(tried).toBeGreaterThan(20);
    expect(violations).toEqual([]);
  }, 120_000); // many requests; seconds on a busy machine

  it('serves the files a deck links, and nothing else', async () => {
    const created = await app.inject({ method: 'POST', url: '/v1/decks', headers: asA, payload: { from: '2026-11-01', to: '2026-11-08' } });
    const page = await app.inject({ url: created.json().url, headers: asA });
    const assets = [...page.body.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(2);
    for (const asset of assets) expect((await app.inject(asset)).statusCode, asset).toBe(200);
    expect((await app.inject('/assets/../../package.json')).statusCode).toBe(404);
    expect((await app.inject('/assets/reveal/../../../../etc/passwd')).statusCode).toBe(404);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/decks', headers: asA, payload: { from: '2026-11-08', to: '2026-11-01' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.to');
  });

  it('answers 404 for a deck that does not exist', async () => {
    const res = await app.inject({ url: '/v1/decks/5b3f0c1e-8f5e-4c55-9a0e-6f1f1b1b1b1b', headers: asA });
    expect(res.statusCode).toBe(404);
  });
});
