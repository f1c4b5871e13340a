import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AnalyticsClient, AnalyticsSummary } from '@herald/analytics-client';
import { createDeckDb, type DeckDb } from '@herald/deck-data-access';
import { createMemoryEventBus, type MemoryEventBus } from '@herald/event-bus';
import { createLogger, type ServiceApp } from '@herald/service-kit';

import { buildDeckApp } from './build-app.ts';

const logger = createLogger({ name: 'test', level: 'silent' });

/** Stands in for the analytics API: answers by period, and records what was asked. */
function analyticsAnswering(byFrom: Record<string, Partial<AnalyticsSummary>>): AnalyticsClient & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async getSummary(query) {
      asked.push(`${query.from}..${query.to}`);
      return { workspaceId: query.workspaceId, from: query.from, to: query.to, posts: 0, impressions: 0, engagements: 0, engagementRate: null, mentions: 0, averageSentiment: null, ...byFrom[query.from] };
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
    app = await buildDeckApp({ logger, db, bus, analytics });
  });

  afterAll(async () => {
    await app?.close();
    await bus?.close();
    await db?.close();
  });

  it('builds a deck for the period and the one before, keeps it, and serves it as a page', async () => {
    const created = await app.inject({ method: 'POST', url: '/v1/decks', payload: { workspaceId: 'acme', from: '2026-11-01', to: '2026-12-01' } });
    expect(created.statusCode).toBe(201);
    const info = created.json();
    expect(info).toMatchObject({ workspaceId: 'acme', audience: 'executive', url: `/v1/decks/${info.id}` });
    // November and the 30 days before it.
    expect(analytics.asked).toEqual(['2026-11-01T00:00:00.000Z..2026-12-01T00:00:00.000Z', '2026-10-02T00:00:00.000Z..2026-11-01T00:00:00.000Z']);

    const page = await app.inject(info.url);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('12,345');
    expect(page.body).toMatch(/<div class="reveal [^>]*>\s*<div class="slides">/);

    const list = await app.inject('/v1/decks?workspaceId=acme');
    expect(list.json().items.map((d: { id: string }) => d.id)).toEqual([info.id]);
  });

  it('serves the files a deck links, and nothing else', async () => {
    const created = await app.inject({ method: 'POST', url: '/v1/decks', payload: { workspaceId: 'acme', from: '2026-11-01', to: '2026-11-08' } });
    const page = await app.inject(created.json().url);
    const assets = [...page.body.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(2);
    for (const asset of assets) expect((await app.inject(asset)).statusCode, asset).toBe(200);
    expect((await app.inject('/assets/../../package.json')).statusCode).toBe(404);
    expect((await app.inject('/assets/reveal/../../../../etc/passwd')).statusCode).toBe(404);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/decks', payload: { workspaceId: 'acme', from: '2026-11-08', to: '2026-11-01' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.to');
  });

  it('answers 404 for a deck that does not exist', async () => {
    const res = await app.inject('/v1/decks/5b3f0c1e-8f5e-4c55-9a0e-6f1f1b1b1b1b');
    expect(res.statusCode).toBe(404);
  });
});
