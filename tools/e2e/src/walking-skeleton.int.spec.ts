import { existsSync } from 'node:fs';

import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isCi, requireKafka, requirePostgres } from '@herald/testing';

import { eventually } from './service-process.ts';
import { api, createTestStack, type TestStack } from './stack.ts';

const up = (await requirePostgres()) && (await requireKafka());
const CHROMIUM = '/usr/bin/chromium';

interface Summary {
  posts: number;
  impressions: number;
  engagements: number;
  engagementRate: number | null;
  mentions: number;
  averageSentiment: number | null;
}

const posts = [
  {
    network: 'x',
    networkPostId: '1851000000000000001',
    publishedAt: '2026-11-03T15:00:00Z',
    text: 'Lumen 3.0 is here: timelines, dependencies and a brand new board view',
    contentType: 'video',
    tags: ['launch'],
    campaign: 'lumen-3',
    metrics: { capturedAt: '2026-11-05T15:00:00Z', impressions: 12000, engagements: 480, likes: 300 },
  },
  {
    network: 'linkedin',
    networkPostId: 'urn:li:share:7001',
    publishedAt: '2026-11-10T09:30:00Z',
    text: 'How our customers plan a quarter in one afternoon',
    contentType: 'carousel',
    tags: [],
    metrics: { capturedAt: '2026-11-12T09:30:00Z', impressions: 3000, engagements: 120 },
  },
  // Outside the period: must not count.
  {
    network: 'x',
    networkPostId: '1851000000000000099',
    publishedAt: '2026-10-20T12:00:00Z',
    text: 'Old news',
    contentType: 'text',
    tags: [],
    metrics: { capturedAt: '2026-10-22T12:00:00Z', impressions: 999999, engagements: 99999 },
  },
];

const mentions = [
  { network: 'x', networkMentionId: 'm-1', kind: 'mention', text: 'Love the new board view in Lumen, this is amazing! 😍', occurredAt: '2026-11-04T10:00:00Z' },
  {
    network: 'x',
    networkMentionId: 'm-2',
    kind: 'comment',
    text: 'The app has been terrible and slow all week, really disappointed',
    occurredAt: '2026-11-06T10:00:00Z',
    inReplyToPostId: '1851000000000000001',
  },
  {
    network: 'linkedin',
    networkMentionId: 'm-3',
    kind: 'direct_message',
    text: 'Do you offer SSO on the enterprise plan? We are 300 seats.',
    occurredAt: '2026-11-11T10:00:00Z',
  },
];

describe.runIf(up)('walking skeleton: ingestion → Kafka → listening → analytics → deck, through real Kafka and PostgreSQL', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = createTestStack('e2e_skeleton');
    // Analytics first: deck-builder needs its URL.
    await Promise.all([stack.start('ingestion'), stack.start('listening'), stack.start('analytics')]);
    await stack.start('deck-builder');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('refuses a batch without an API key', async () => {
    const res = await api<{ error: { code: string } }>(`${stack.services.ingestion!.url}/v1/posts:batch`, { body: { items: posts } });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AUTH_REQUIRED');
  });

  it('carries posts and mentions through to the summary, the mention analyses and a deck', async () => {
    const ingestion = stack.services.ingestion!.url;
    const postRes = await api<{ accepted: number; duplicates: number; rejected: unknown[] }>(`${ingestion}/v1/posts:batch`, {
      body: { items: posts },
      apiKey: stack.apiKey,
    });
    expect(postRes.body).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    const mentionRes = await api<{ accepted: number }>(`${ingestion}/v1/mentions:batch`, { body: { items: mentions }, apiKey: stack.apiKey });
    expect(mentionRes.body.accepted).toBe(3);

    const query = `from=2026-11-01&to=2026-12-01`;
    const summary = await eventually(async () => {
      const res = await api<Summary>(`${stack.services.analytics!.url}/v1/analytics/summary?${query}`, { apiKey: stack.apiKey });
      expect(res.status).toBe(200);
      expect(res.body.posts).toBe(2);
      expect(res.body.mentions).toBe(3);
      return res.body;
    });
    // 12,000 + 3,000 impressions and 480 + 120 engagements: 600 / 15,000 = 4 %.
    expect(summary.impressions).toBe(15000);
    expect(summary.engagements).toBe(600);
    expect(summary.engagementRate).toBeCloseTo(0.04, 10);

    // The average is of the scores listening gave: read them back from listening.
    const analyzed = await api<{ items: { networkMentionId: string; score: number; label: string; scored: boolean }[] }>(
      `${stack.services.listening!.url}/v1/listening/mentions`,
      { apiKey: stack.apiKey },
    );
    expect(analyzed.body.items).toHaveLength(3);
    const byId = Object.fromEntries(analyzed.body.items.map((m) => [m.networkMentionId, m]));
    expect(byId['m-1']!.label).toBe('positive');
    expect(byId['m-2']!.label).toBe('negative');
    const scored = analyzed.body.items.filter((m) => m.scored);
    expect(summary.averageSentiment).toBeCloseTo(scored.reduce((s, m) => s + m.score, 0) / scored.length, 10);

    const deck = await api<{ id: string; url: string; shareUrl: string }>(`${stack.services['deck-builder']!.url}/v1/decks`, {
      body: { from: '2026-11-01', to: '2026-12-01' },
      apiKey: stack.apiKey,
    });
    expect(deck.status).toBe(201);
    const html = await api<string>(`${stack.services['deck-builder']!.url}${deck.body.url}`, { apiKey: stack.apiKey });
    expect(html.status).toBe(200);
    expect(html.body).toContain('15,000');

    if (!existsSync(CHROMIUM)) {
      if (isCi()) throw new Error(`${CHROMIUM} is missing; CI installs the Debian chromium package`);
      console.warn(`[skip] ${CHROMIUM} not installed: the deck is not opened in a browser`);
      return;
    }
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
      // A browser cannot send a key: it opens the deck's share link.
      await page.goto(`${stack.services['deck-builder']!.url}${deck.body.shareUrl}`);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, null, { timeout: 15_000 });
      const slides = await page.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides());
      expect(slides).toBeGreaterThanOrEqual(4);
      expect(await page.locator('.reveal .slides').innerText()).toContain('15,000');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('stores an item sent twice once, and publishes nothing for it', async () => {
    const ingestion = stack.services.ingestion!.url;
    const again = await api<{ accepted: number; duplicates: number }>(`${ingestion}/v1/posts:batch`, { body: { items: posts }, apiKey: stack.apiKey });
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 3 });
    // A marker mention sent after the duplicates: once it is counted, anything before it was handled too.
    const marker = { network: 'x', networkMentionId: 'm-marker', kind: 'mention', text: 'ok', occurredAt: '2026-11-20T10:00:00Z' };
    await api(`${ingestion}/v1/mentions:batch`, { body: { items: [marker] }, apiKey: stack.apiKey });
    const summary = await eventually(async () => {
      const res = await api<Summary>(`${stack.services.analytics!.url}/v1/analytics/summary?from=2026-11-01&to=2026-12-01`, { apiKey: stack.apiKey });
      expect(res.body.mentions).toBe(4);
      return res.body;
    });
    expect(summary.posts).toBe(2);
    expect(summary.impressions).toBe(15000);
  });

  it('answers /ready with database and Kafka checks', async () => {
    const res = await api<{ status: string; checks: Record<string, { ok: boolean }> }>(`${stack.services.analytics!.url}/ready`);
    expect(res.body.status).toBe('ready');
    expect(Object.keys(res.body.checks).sort()).toEqual(['database', 'kafka']);
  });
});
