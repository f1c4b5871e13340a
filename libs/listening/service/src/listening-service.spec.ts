import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createMemoryEventBus, type MemoryEventBus } from '@herald/event-bus';
import { createEvent, decodeEvent, TOPICS, type EventOf, type HeraldEvent } from '@herald/events';
import { createListeningDb, type ListeningDb } from '@herald/listening-data-access';
import { createLogger, createTestKeys, SCOPES, walkOddTargets, walkRoutes, type ServiceApp } from '@herald/service-kit';

import { buildListeningApp } from './build-app.ts';
import { startAnalyzeMentionsConsumer } from './consumers/analyze-mentions.consumer.ts';

const logger = createLogger({ name: 'test', level: 'silent' });
const testKeys = createTestKeys();
/** A key for any workspace: `key:<workspace>` (tests use one workspace each). */
const keyOf = (workspaceId: string) => `key:${workspaceId}`;
const verifyKey = async (key: string) =>
  key.startsWith('key:') ? { workspaceId: key.slice(4), keyId: '0c000000-0000-4000-8000-000000000000', scopes: [...SCOPES] } : testKeys.verifyKey(key);
const as = (workspaceId: string) => ({ 'x-api-key': keyOf(workspaceId) });

const mention = (workspaceId: string, id: string, text: string, occurredAt: string, language?: string) =>
  createEvent({
    type: 'ingestion.mention.received',
    workspaceId,
    source: 'test',
    payload: { mention: { network: 'x', networkMentionId: id, kind: 'mention', text, occurredAt, ...(language ? { language } : {}) } },
  });

const hour = (base: string, h: number, minute = 0) => new Date(Date.parse(base) + h * 3_600_000 + minute * 60_000).toISOString();

describe('listening service', () => {
  let db: ListeningDb;
  let bus: MemoryEventBus;
  let app: ServiceApp;

  beforeAll(async () => {
    db = createListeningDb({ kind: 'pglite' });
    await db.migrate();
    bus = createMemoryEventBus({ logger });
    await bus.ensureTopics();
    await startAnalyzeMentionsConsumer({ bus, db, logger });
    app = await buildListeningApp({ logger, db, bus, verifyKey });
  }, 120_000); // PGlite's start and migrations take seconds on a busy machine

  afterAll(async () => {
    await app?.close();
    await bus?.close();
    await db?.close();
  });

  const publish = async (events: HeraldEvent[]) => {
    await bus.publish(events);
    await bus.drain({ timeoutMs: 60_000 });
  };
  const eventsOn = <T extends HeraldEvent['type']>(topic: string, type: T) =>
    bus
      .records(topic)
      .map((r) => decodeEvent(r.value))
      .filter((e): e is EventOf<T> => e.type === type);
  const analyzedFor = (workspaceId: string) => eventsOn(TOPICS.mentionsAnalyzed, 'listening.mention.analyzed').filter((e) => e.workspaceId === workspaceId);
  const alertsFor = (workspaceId: string) => eventsOn(TOPICS.alerts, 'listening.alert.raised').filter((e) => e.workspaceId === workspaceId);
  const createBrand = async (workspaceId: string, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/v1/listening/brands', headers: as(workspaceId), payload: body });

  describe('the consumer', () => {
    it('stores and publishes sentiment, intent, keywords and the brands each mention names', async () => {
      const ws = 'ws-consumer';
      const brand = (await createBrand(ws, { name: 'Acme', kind: 'own', keywords: ['@acmehq'] })).json().brand;

      await publish([
        mention(ws, 'c1', 'How much is the Acme pro plan for a team of 10? Do you offer annual billing?', '2026-03-02T09:00:00Z', 'en'),
        mention(ws, 'c2', 'Loving the new dashboard, great job @acmehq 😍', '2026-03-02T09:05:00Z'),
      ]);

      const events = analyzedFor(ws);
      const sales = events.find((e) => e.payload.mention.networkMentionId === 'c1')!;
      expect(sales.payload.intent).toBe('sales_inquiry');
      expect(sales.payload.intentConfidence).toBeGreaterThan(0);
      expect(sales.payload.topics).toEqual(expect.arrayContaining(['pro plan', 'annual billing']));
      const praise = events.find((e) => e.payload.mention.networkMentionId === 'c2')!;
      expect(praise.payload).toMatchObject({ intent: 'praise', sentiment: { label: 'positive' } });

      const stored = await db.prisma.mentionAnalysis.findMany({ where: { workspaceId: ws }, orderBy: { networkMentionId: 'asc' } });
      expect(stored.map((s) => [s.networkMentionId, s.intent, s.brandIds])).toEqual([
        ['c1', 'sales_inquiry', [brand.id]],
        ['c2', 'praise', [brand.id]],
      ]);
    });

    it('analyses hostile texts without crashing or dead-lettering any', async () => {
      const ws = 'ws-hostile';
      const texts = {
        empty: '',
        emoji: '😡😡😡🔥',
        links: 'https://example.com/a https://example.com/b',
        huge: 'the delivery was late again and support never answered. '.repeat(1_760).slice(0, 100_000),
        mixed: 'Отличный сервис 素晴らしい great service مرحبا',
        replacement: 'caf\uFFFD \uFFFD\uFFFD broken \uFFFD',
        nul: 'nul\u0000byte in the text',
      };
      await publish(Object.entries(texts).map(([id, text], i) => mention(ws, id, text, hour('2026-03-02T00:00:00Z', 0, i))));

      expect(bus.records(`${TOPICS.mentions}.dlq`)).toHaveLength(0);
      const stored = await db.prisma.mentionAnalysis.findMany({ where: { workspaceId: ws } });
      expect(stored.map((s) => s.networkMentionId).sort()).toEqual(Object.keys(texts).sort());
      const byId = new Map(stored.map((s) => [s.networkMentionId, s]));
      expect(byId.get('empty')).toMatchObject({ scored: false, score: 0, intent: 'other', intentConfidence: 0, topics: [] });
      expect(byId.get('links')?.topics).toEqual([]);
      for (const s of stored) {
        expect(s.score).toBeGreaterThanOrEqual(-1);
        expect(s.score).toBeLessThanOrEqual(1);
        expect(s.intentConfidence).toBeGreaterThanOrEqual(0);
        expect(s.intentConfidence).toBeLessThanOrEqual(1);
      }
      expect(byId.get('huge')?.topics.length).toBeGreaterThan(0);
      // PostgreSQL text cannot hold U+0000.
      expect(byId.get('nul')?.text).toBe('nul\uFFFDbyte in the text');
    });

    it('keeps the last analysis when one mention comes twice in a batch', async () => {
      const ws = 'ws-twice';
      await publish([mention(ws, 't1', 'first version', '2026-03-02T09:00:00Z'), mention(ws, 't1', 'edited: love it 😍', '2026-03-02T09:00:00Z')]);

      const stored = await db.prisma.mentionAnalysis.findMany({ where: { workspaceId: ws } });
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ text: 'edited: love it 😍', label: 'positive' });
    });
  });

  describe('spike alerts', () => {
    const ws = 'ws-spike';
    const base = '2026-03-01T00:00:00Z';
    // 24 quiet hours (2 friendly mentions each), then 40 angry mentions in the 25th hour.
    const quiet = Array.from({ length: 24 }, (_, h) => [
      mention(ws, `q${h}a`, 'Thanks for the quick reply yesterday, really helpful', hour(base, h, 10)),
      mention(ws, `q${h}b`, 'Love the new update, nice work team', hour(base, h, 40)),
    ]).flat();
    const storm = Array.from({ length: 40 }, (_, i) =>
      mention(ws, `s${i}`, `The app is down again, worst outage ever, terrible service 😡 #${i}`, hour(base, 24, i)),
    );

    it('raises each spike once, with its evidence, and never again when the same mentions come again', async () => {
      await publish(quiet);
      expect(alertsFor(ws)).toEqual([]);

      await publish(storm);
      const raised = alertsFor(ws);
      expect(raised.map((a) => a.payload.kind).sort()).toEqual(['negative_share_spike', 'volume_spike']);
      const volume = raised.find((a) => a.payload.kind === 'volume_spike')!;
      expect(volume.payload).toMatchObject({ bucket: { start: hour(base, 24), end: hour(base, 25) }, baseline: 2, baselineBuckets: 24 });
      expect(volume.payload.observed).toBeGreaterThanOrEqual(10);
      expect(volume.payload.evidence.total).toBe(volume.payload.observed);
      expect(volume.payload.evidence.mentions[0]).toMatchObject({
        network: 'x',
        networkMentionId: expect.stringMatching(/^s\d+$/),
        text: expect.stringContaining('down again'),
      });
      const negative = raised.find((a) => a.payload.kind === 'negative_share_spike')!;
      expect(negative.payload.observed).toBeGreaterThan(negative.payload.baseline);
      expect(negative.payload.evidence.mentions.every((m) => m.label === 'negative')).toBe(true);

      // Kafka redelivers at least once: the very same events again, baseline and storm.
      await publish([...quiet, ...storm]);

      expect(alertsFor(ws)).toHaveLength(2);
      expect(await db.prisma.listeningAlert.count({ where: { workspaceId: ws } })).toBe(2);
    });

    it('publishes again, under the same id, an alert whose publication was not confirmed', async () => {
      const before = alertsFor(ws);
      const volume = before.find((a) => a.payload.kind === 'volume_spike')!;
      await db.prisma.listeningAlert.update({ where: { id: volume.id }, data: { publishedAt: null } });

      await publish([storm[0]!]);

      const after = alertsFor(ws);
      expect(after).toHaveLength(3);
      expect(after[2]).toEqual(volume);
    });

    it('stays quiet for a workspace without history, however busy its first hour', async () => {
      const fresh = 'ws-first-hour';
      await publish(Array.from({ length: 40 }, (_, i) => mention(fresh, `f${i}`, 'worst outage ever 😡', hour(base, 0, i))));
      expect(alertsFor(fresh)).toEqual([]);
    });
  });

  describe('brands', () => {
    const ws = 'ws-brands';

    it('creates, lists, reads, replaces and deletes keyword sets, matching stored mentions each time', async () => {
      await publish([
        mention(ws, 'b1', 'Globex support never answers, switching to Initech', '2026-03-03T10:00:00Z'),
        mention(ws, 'b2', 'Initech onboarding was smooth #InitechCloud', '2026-03-03T11:00:00Z'),
        mention(ws, 'b3', 'nothing about brands here', '2026-03-03T12:00:00Z'),
      ]);

      const created = await createBrand(ws, { name: 'Initech', kind: 'own', campaigns: ['Initech Cloud'] });
      expect(created.statusCode).toBe(201);
      const initech = created.json().brand;
      expect(created.json().rematchedMentions).toBe(2);
      expect(initech).toMatchObject({ name: 'Initech', kind: 'own', keywords: [], campaigns: ['Initech Cloud'] });
      const globex = (await createBrand(ws, { name: 'Globex', kind: 'competitor' })).json().brand;

      const list = await app.inject({ url: `/v1/listening/brands`, headers: as(ws) });
      expect(list.json().items.map((b: { name: string }) => b.name)).toEqual(['Globex', 'Initech']);
      expect((await app.inject({ url: `/v1/listening/brands/${globex.id}`, headers: as(ws) })).json()).toMatchObject({ id: globex.id, kind: 'competitor' });
      // Another workspace cannot see it.
      expect((await app.inject({ url: `/v1/listening/brands/${globex.id}`, headers: as('other') })).statusCode).toBe(404);

      const replaced = await app.inject({
        method: 'PUT',
        url: `/v1/listening/brands/${initech.id}`,
        headers: as(ws),
        payload: { name: 'Initech', kind: 'own', excludes: ['switching to initech'] },
      });
      expect(replaced.statusCode).toBe(200);
      expect(replaced.json().rematchedMentions).toBe(1);
      const matched = async () =>
        (await db.prisma.mentionAnalysis.findMany({ where: { workspaceId: ws }, orderBy: { networkMentionId: 'asc' } })).map((m) => [
          m.networkMentionId,
          m.brandIds,
        ]);
      expect(await matched()).toEqual([
        ['b1', [globex.id]],
        ['b2', [initech.id]],
        ['b3', []],
      ]);

      expect((await app.inject({ method: 'DELETE', url: `/v1/listening/brands/${globex.id}`, headers: as(ws) })).statusCode).toBe(204);
      expect((await matched())[0]).toEqual(['b1', []]);
      expect((await app.inject({ url: `/v1/listening/brands/${globex.id}`, headers: as(ws) })).statusCode).toBe(404);
    });

    it('refuses a second brand of the same name (409) and a body naming a workspace (400)', async () => {
      await createBrand('ws-dup', { name: 'Hooli', kind: 'own' });

      const again = await createBrand('ws-dup', { name: 'Hooli', kind: 'competitor' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('BRAND_EXISTS');
      const named = await createBrand('ws-dup', { workspaceId: 'ws-other', name: 'Hooli', kind: 'own' });
      expect(named.statusCode).toBe(400);
      expect(named.json().error.code).toBe('WORKSPACE_FROM_KEY');
    });
  });

  describe('GET /v1/listening/mentions', () => {
    const ws = 'ws-list';

    it('filters by intent, brand, label, language and text, and pages with a cursor', async () => {
      const brand = (await createBrand(ws, { name: 'Umbrella', kind: 'own' })).json().brand;
      await publish([
        mention(ws, 'l1', 'How do I export my Umbrella reports to CSV?', '2026-03-04T08:00:00Z', 'en'),
        mention(ws, 'l2', 'please add dark mode to the Umbrella app 🙏', '2026-03-04T09:00:00Z', 'en'),
        mention(ws, 'l3', 'Worst customer service ever, never again', '2026-03-04T10:00:00Z', 'en'),
        mention(ws, 'l4', 'El servicio de Umbrella es pésimo, qué desastre', '2026-03-04T11:00:00Z', 'es'),
      ]);
      const ids = async (query: string) =>
        (await app.inject({ url: `/v1/listening/mentions?${query}`, headers: as(ws) }))
          .json()
          .items.map((m: { networkMentionId: string }) => m.networkMentionId);

      expect(await ids('intent=feature_request')).toEqual(['l2']);
      expect(await ids(`brand=${brand.id}`)).toEqual(['l4', 'l2', 'l1']);
      expect(await ids('label=negative&language=eng')).toEqual(['l3']);
      expect(await ids('q=DARK%20MODE')).toEqual(['l2']);

      const first = (await app.inject({ url: `/v1/listening/mentions?limit=3`, headers: as(ws) })).json();
      expect(first.items).toHaveLength(3);
      expect(first.items[0]).toMatchObject({ intent: expect.any(String), topics: expect.any(Array), brandIds: [brand.id] });
      const second = (await app.inject({ url: `/v1/listening/mentions?limit=3&cursor=${first.nextCursor}`, headers: as(ws) })).json();
      expect(second).toMatchObject({ items: [{ networkMentionId: 'l1' }], nextCursor: null });
    });

    it('rejects an unknown intent', async () => {
      const res = await app.inject({ url: `/v1/listening/mentions?intent=shopping`, headers: as(ws) });
      expect(res.statusCode).toBe(400);
    });
  });

  describe('GET /v1/listening/summary', () => {
    const ws = 'ws-summary';

    it('reports volume, sentiment per day, topics, intents, share of voice and alerts', async () => {
      const acme = (await createBrand(ws, { name: 'Acme', kind: 'own' })).json().brand;
      const globex = (await createBrand(ws, { name: 'Globex', kind: 'competitor' })).json().brand;
      await publish([
        // The previous week: battery talk only.
        mention(ws, 'p1', 'Acme battery drains overnight', '2026-02-24T10:00:00Z', 'en'),
        mention(ws, 'p2', 'battery drains fast on my Acme phone', '2026-02-25T10:00:00Z', 'en'),
        // The week asked for: dark mode rises, battery goes on.
        mention(ws, 's1', 'please add dark mode to Acme 🙏', '2026-03-03T10:00:00Z', 'en'),
        mention(ws, 's2', 'would love dark mode in the Acme app', '2026-03-03T11:00:00Z', 'en'),
        mention(ws, 's3', 'dark mode when?? Globex has had it for years', '2026-03-04T10:00:00Z', 'en'),
        mention(ws, 's4', 'Acme battery drains overnight again, terrible', '2026-03-05T10:00:00Z', 'en'),
        mention(ws, 's5', 'Love my Acme phone, best purchase this year 😍', '2026-03-05T12:00:00Z', 'en'),
      ]);

      const res = await app.inject({ url: `/v1/listening/summary?from=2026-03-02&to=2026-03-09`, headers: as(ws) });
      expect(res.statusCode).toBe(200);
      const summary = res.json();

      expect(summary.mentions).toBe(5);
      expect(summary.days).toHaveLength(7);
      expect(summary.days.map((d: { mentions: number }) => d.mentions)).toEqual([0, 2, 1, 2, 0, 0, 0]);
      expect(summary.sentiment.positive + summary.sentiment.neutral + summary.sentiment.negative).toBe(5 - summary.unscored);
      expect(summary.topTopics[0]).toEqual({ term: 'dark mode', mentions: 3, share: 0.6 });
      // Brand names are left out of topics.
      expect(summary.topTopics.map((t: { term: string }) => t.term)).not.toContain('acme');
      expect(summary.trendingTopics.map((t: { term: string }) => t.term)).toEqual(['dark mode']);
      expect(summary.keywordsByDay.map((d: { date: string }) => d.date)).toEqual(['2026-03-03', '2026-03-04', '2026-03-05']);
      expect(summary.intents.map((i: { intent: string }) => i.intent)).toEqual([
        'sales_inquiry',
        'support_issue',
        'feature_request',
        'praise',
        'complaint',
        'other',
      ]);
      expect(summary.intents.reduce((n: number, i: { mentions: number }) => n + i.mentions, 0)).toBe(5);
      expect(summary.intents.find((i: { intent: string }) => i.intent === 'feature_request').mentions).toBeGreaterThanOrEqual(2);
      // Acme is named in s1, s2, s4, s5 and Globex in s3: 4 of the 5 brand mentions.
      expect(summary.shareOfVoice).toMatchObject({
        matchedMentions: 5,
        brands: [
          { id: acme.id, name: 'Acme', kind: 'own', mentions: 4, share: 0.8 },
          { id: globex.id, name: 'Globex', kind: 'competitor', mentions: 1, share: 0.2 },
        ],
      });
      expect(summary.alerts).toEqual([]);
    });

    it('lists the alerts raised in the period', async () => {
      const res = await app.inject({ url: '/v1/listening/summary?from=2026-03-02&to=2026-03-03', headers: as('ws-spike') });
      expect(
        res
          .json()
          .alerts.map((a: { kind: string }) => a.kind)
          .sort(),
      ).toEqual(['negative_share_spike', 'volume_spike']);
      const alerts = await app.inject({ url: '/v1/listening/alerts?from=2026-03-02&to=2026-03-03', headers: as('ws-spike') });
      expect(alerts.json().items[0].alert.evidence.mentions.length).toBeGreaterThan(0);
    });

    it('refuses a period that ends before it starts, or spans more than a year', async () => {
      const backwards = await app.inject({ url: `/v1/listening/summary?from=2026-03-09&to=2026-03-02`, headers: as(ws) });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().error.code).toBe('PERIOD_INVALID');
      expect((await app.inject({ url: `/v1/listening/summary?from=2024-01-01&to=2026-01-01`, headers: as(ws) })).statusCode).toBe(400);
      expect((await app.inject({ url: `/v1/listening/summary?from=2026-03-02&to=2026-03-09`, headers: { 'x-api-key': testKeys.keyA } })).statusCode).toBe(200);
      expect((await app.inject(`/v1/listening/summary?from=2026-03-02&to=2026-03-09`)).statusCode).toBe(401);
    });
  });

  describe('every API route, from the route table', () => {
    it('refuses no key, a wrong key, a revoked key and a key without the scope, and never shows workspace a to workspace b', async () => {
      const brand = (await createBrand('a', { name: 'MARKER-A brand', kind: 'own', keywords: ['MARKER-A'] })).json().brand;
      await publish([mention('a', 'marker-1', 'MARKER-A is great', '2026-03-03T10:00:00Z', 'en')]);
      const { routes, violations } = await walkRoutes({ app, keys: testKeys.walk, marker: 'MARKER-A', params: { brandId: brand.id } });
      expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
        expect.arrayContaining([
          'GET /v1/listening/summary',
          'GET /v1/listening/mentions',
          'POST /v1/listening/brands',
          'PUT /v1/listening/brands/:brandId',
          'DELETE /v1/listening/brands/:brandId',
          'GET /v1/listening/alerts',
        ]),
      );
      expect(violations).toEqual([]);
      // The lists b reads are b's own: a's brand is still there and b's list never held it.
      const listB = await app.inject({ url: '/v1/listening/brands', headers: { 'x-api-key': testKeys.keyB } });
      expect(listB.json().items).toEqual([]);
      expect((await app.inject({ url: `/v1/listening/brands/${brand.id}`, headers: { 'x-api-key': testKeys.keyA } })).statusCode).toBe(200);
    }, 120_000); // many requests; seconds on a busy machine

    it('refuses odd request targets without a key over a real socket', async () => {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { tried, violations } = await walkOddTargets({ app, port: (app.server.address() as { port: number }).port });
      expect(tried).toBeGreaterThan(40);
      expect(violations).toEqual([]);
    }, 120_000); // many requests; seconds on a busy machine
  });
});
