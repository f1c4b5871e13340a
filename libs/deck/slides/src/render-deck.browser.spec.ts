// The page.evaluate callbacks below run in the browser and use its DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findDeckAsset } from './deck-assets.ts';
import { renderDeck } from './render-deck.ts';
import { HOSTILE_TEXT, sampleDeck } from './sample-deck.fixture.ts';

// Debian package `chromium`; CI installs it, a developer machine may not have it.
const CHROMIUM = '/usr/bin/chromium';
const IN_CI = process.env.CI === 'true';
const HAS_CHROMIUM = existsSync(CHROMIUM);
// Set to a folder to keep screenshots of the KPI and chart slides for review.
const SCREENSHOT_DIR = process.env.DECK_SCREENSHOT_DIR;
const TIMEOUT = 60_000;

if (!HAS_CHROMIUM && !IN_CI) {
  console.warn(`Skipping the deck browser test: no Chromium at ${CHROMIUM} (apt-get install chromium).`);
}

// Instant transitions so each assertion sees the slide it navigated to, not one mid-flight.
const deck = sampleDeck({ reveal: { transition: 'none', backgroundTransition: 'none' } });
const slideIndex = (kind: string, type?: string): number =>
  deck.slides.findIndex((slide) => slide.kind === kind && (type === undefined || (slide.kind === 'chart' && slide.type === type)));

interface Problems {
  console: string[];
  requests: string[];
}

function serveDeck(page: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const asset = path.startsWith('/assets/') ? findDeckAsset(path.slice('/assets/'.length)) : undefined;
    if (path === '/deck.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else if (asset) {
      readFile(asset.filePath).then(
        (body) => res.writeHead(200, { 'content-type': asset.contentType }).end(body),
        () => res.writeHead(500).end(),
      );
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function showSlide(page: Page, index: number): Promise<void> {
  await page.evaluate((i) => window.Reveal.slide(i), index);
  await page.waitForFunction((i) => window.Reveal.getIndices().h === i, index);
}

/** Pixels the chart actually painted: a blank or failed canvas has none. */
function paintedPixels(page: Page): Promise<{ painted: number; total: number }> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('section.present canvas[data-chart-drawn]');
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return { painted: 0, total: 0 };
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted += 1;
    return { painted, total: canvas.width * canvas.height };
  });
}

declare global {
  interface Window {
    Reveal: {
      isReady(): boolean;
      getTotalSlides(): number;
      slide(h: number): void;
      getIndices(): { h: number };
      getSlides(): HTMLElement[];
      getSlideNotes(slide?: HTMLElement): string | null;
      getPlugin(id: string): { open?: () => void } | undefined;
    };
    Chart: { getChart(canvas: HTMLCanvasElement): { getDatasetMeta(i: number): { data: Array<{ height?: number }> } } | undefined };
    __deckPwned?: number;
  }
}

describe.skipIf(!HAS_CHROMIUM && !IN_CI)('rendered deck in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const problems: Problems = { console: [], requests: [] };

  beforeAll(async () => {
    if (!HAS_CHROMIUM) throw new Error(`CI=true but Chromium is missing at ${CHROMIUM}: install the Debian package "chromium"`);
    server = await serveDeck(renderDeck(deck, { assetBaseUrl: '/assets' }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.console.push(message.text());
    });
    page.on('pageerror', (error) => problems.console.push(error.message));
    page.on('requestfailed', (request) => problems.requests.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.requests.push(`${response.url()} ${response.status()}`);
    });
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/deck.html`);
    await page.waitForFunction(() => window.Reveal?.isReady(), undefined, { timeout: 60_000 });
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  it('starts reveal.js with one slide per slide in the model', async () => {
    expect(await page.evaluate(() => window.Reveal.isReady())).toBe(true);
    expect(await page.evaluate(() => window.Reveal.getTotalSlides())).toBe(deck.slides.length);
  });

  it('hands speaker notes to reveal.js', async () => {
    const notes = await page.evaluate(() => window.Reveal.getSlideNotes(window.Reveal.getSlides()[0]));
    expect(notes).toContain('The short version: reach is up');
  });

  it('opens the speaker view with the notes of the current slide', async () => {
    await showSlide(page, 0);
    const [speaker] = await Promise.all([page.waitForEvent('popup'), page.evaluate(() => window.Reveal.getPlugin('notes')?.open?.())]);
    await speaker.waitForFunction(() => document.querySelector('.speaker-controls-notes .value')?.textContent?.includes('reach is up'), undefined, {
      timeout: 60_000,
    });
    await speaker.close();
  });

  it('lays out the KPI cards in one row without overflowing the slide', async () => {
    await showSlide(page, slideIndex('kpis'));
    const layout = await page.evaluate(() => {
      const section = document.querySelector('section.present') as HTMLElement;
      const slide = section.getBoundingClientRect();
      const cards = [...section.querySelectorAll<HTMLElement>('.hd-kpi')].map((card) => card.getBoundingClientRect());
      const values = [...section.querySelectorAll<HTMLElement>('.hd-kpi-value')];
      return {
        rows: new Set(cards.map((c) => Math.round(c.top))).size,
        inside: cards.every((c) => c.left >= slide.left && c.right <= slide.right && c.bottom <= slide.bottom),
        clipped: values.filter((v) => v.scrollWidth > v.clientWidth).map((v) => v.textContent),
      };
    });
    expect(layout).toEqual({ rows: 1, inside: true, clipped: [] });
    if (SCREENSHOT_DIR) await page.screenshot({ path: join(SCREENSHOT_DIR, 'herald-deck-kpis.png') });
  });

  it.each([
    ['bar', 4],
    ['line', 5],
    ['doughnut', 4],
  ] as const)('draws the %s chart when its slide is shown', async (type, points) => {
    await showSlide(page, slideIndex('chart', type));
    await page.waitForSelector('section.present canvas[data-chart-drawn]', { timeout: 60_000 });
    const { painted, total } = await paintedPixels(page);
    const elements = await page.evaluate(() => {
      const canvas = document.querySelector('section.present canvas') as HTMLCanvasElement;
      return window.Chart.getChart(canvas)?.getDatasetMeta(0).data.length;
    });

    expect(elements).toBe(points);
    // Axes and labels alone paint far less than 3% of the canvas; bars, lines and rings paint more.
    expect(painted / total).toBeGreaterThan(0.03);
    if (SCREENSHOT_DIR && type === 'bar') await page.screenshot({ path: join(SCREENSHOT_DIR, 'herald-deck-chart.png') });
  });

  it('shows a hostile mention as text without running it', async () => {
    await showSlide(page, slideIndex('quotes'));
    const quote = await page.evaluate(() => {
      const section = document.querySelector('section.present') as HTMLElement;
      return {
        pwned: window.__deckPwned,
        texts: [...section.querySelectorAll('blockquote p')].map((p) => p.textContent),
        injected: section.querySelectorAll('script, img, b').length,
        scripts: document.querySelectorAll('script').length,
      };
    });
    expect(quote.pwned).toBeUndefined();
    expect(quote.texts).toContain(HOSTILE_TEXT);
    expect(quote.injected).toBe(0);
    expect(quote.scripts).toBe(4);
    if (SCREENSHOT_DIR) await page.screenshot({ path: join(SCREENSHOT_DIR, 'herald-deck-quotes.png') });
  });

  it('visits every slide without console errors or failed requests', async () => {
    for (let i = 0; i < deck.slides.length; i += 1) {
      await showSlide(page, i);
      if (SCREENSHOT_DIR) await page.screenshot({ path: join(SCREENSHOT_DIR, `herald-deck-${String(i).padStart(2, '0')}.png`) });
    }
    expect(problems).toEqual({ console: [], requests: [] });
  });
});
