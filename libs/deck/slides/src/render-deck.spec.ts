import { existsSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { findDeckAsset, revealAssetFiles } from './deck-assets.ts';
import { DeckRenderError } from './deck-render.error.ts';
import { escapeHtml } from './escape-html.ts';
import { renderDeck } from './render-deck.ts';
import type { ChartSpec } from './render-slide.ts';
import { HOSTILE_TEXT, sampleDeck } from './sample-deck.fixture.ts';
import type { Deck, Slide, SlideKind } from './slide.model.ts';

const render = (deck: Deck): string => renderDeck(deck, { assetBaseUrl: '/assets' });
const deckOf = (...slides: Slide[]): Deck => ({ title: 'Test deck', language: 'en', slides });

/** What an HTML parser does to an attribute value, for the few entities escapeHtml produces. */
function decodeAttribute(value: string): string {
  return value.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name] ?? '');
}

function attributes(page: string, name: string): string[] {
  return [...page.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => decodeAttribute(m[1] ?? ''));
}

const ESCAPED = escapeHtml(HOSTILE_TEXT);

/** One slide per kind with the hostile text in every field that shows user text. */
const HOSTILE_SLIDES: Record<SlideKind, Slide> = {
  title: { kind: 'title', title: HOSTILE_TEXT, subtitle: HOSTILE_TEXT, period: HOSTILE_TEXT, audience: HOSTILE_TEXT, notes: HOSTILE_TEXT },
  section: { kind: 'section', title: HOSTILE_TEXT, subtitle: HOSTILE_TEXT, notes: HOSTILE_TEXT },
  kpis: {
    kind: 'kpis',
    title: HOSTILE_TEXT,
    cards: [
      { label: HOSTILE_TEXT, value: 1, format: 'integer', hint: HOSTILE_TEXT, delta: { value: 0.1, direction: 'up', goodWhen: 'up', label: HOSTILE_TEXT } },
    ],
    notes: HOSTILE_TEXT,
  },
  chart: {
    kind: 'chart',
    title: HOSTILE_TEXT,
    type: 'bar',
    labels: [HOSTILE_TEXT, 'b'],
    series: [{ name: HOSTILE_TEXT, values: [1, 2] }],
    caption: HOSTILE_TEXT,
    notes: HOSTILE_TEXT,
  },
  bullets: { kind: 'bullets', title: HOSTILE_TEXT, items: [HOSTILE_TEXT, HOSTILE_TEXT], notes: HOSTILE_TEXT },
  narrative: { kind: 'narrative', kicker: HOSTILE_TEXT, headline: HOSTILE_TEXT, paragraphs: [HOSTILE_TEXT, HOSTILE_TEXT], notes: HOSTILE_TEXT },
  table: { kind: 'table', title: HOSTILE_TEXT, columns: [HOSTILE_TEXT, { label: HOSTILE_TEXT }], rows: [[HOSTILE_TEXT, 3]], notes: HOSTILE_TEXT },
  quotes: {
    kind: 'quotes',
    title: HOSTILE_TEXT,
    quotes: [{ text: HOSTILE_TEXT, author: HOSTILE_TEXT, network: HOSTILE_TEXT, sentiment: 'negative' }],
    notes: HOSTILE_TEXT,
  },
};

describe('escapeHtml', () => {
  it('replaces the five characters that can change the meaning of HTML', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('leaves other text, including non-Latin scripts and emoji, untouched', () => {
    expect(escapeHtml('Grüße — 你好 👋 1.5')).toBe('Grüße — 你好 👋 1.5');
  });
});

describe('renderDeck escapes mention text', () => {
  it.each(Object.keys(HOSTILE_SLIDES) as SlideKind[])('renders hostile text inert on a %s slide', (kind) => {
    const page = render({ ...deckOf(HOSTILE_SLIDES[kind]), title: HOSTILE_TEXT });

    // The only script elements are the four external ones the renderer adds itself.
    expect(page.match(/<script\b/g)).toHaveLength(kind === 'chart' ? 4 : 3);
    expect(page.match(/<\/script>/g)).toHaveLength(kind === 'chart' ? 4 : 3);
    expect([...page.matchAll(/<script\b[^>]*>/g)].every(([tag]) => /^<script src="\/assets\/[^"]+"><\/script>$/.test(`${tag}</script>`))).toBe(true);
    expect(page).not.toMatch(/<img\b/);
    expect(page).not.toMatch(/<b>/);
    expect(page).not.toContain('onerror="');
    expect(page).toContain(ESCAPED);
  });

  it('renders the speaker notes of every slide kind escaped inside aside.notes', () => {
    for (const slide of Object.values(HOSTILE_SLIDES)) {
      const page = render(deckOf(slide));
      expect(page).toContain(`<aside class="notes"><p>${ESCAPED}</p></aside>`);
    }
  });

  it('embeds chart data as JSON that survives the attribute round trip byte for byte', () => {
    const page = render(deckOf(HOSTILE_SLIDES.chart));
    const [raw] = attributes(page, 'data-chart');
    const spec = JSON.parse(raw ?? '') as ChartSpec;

    expect(spec.labels[0]).toBe(HOSTILE_TEXT);
    expect(spec.series[0]).toEqual({ name: HOSTILE_TEXT, values: [1, 2] });
    expect(page).not.toMatch(/data-chart="[^"]*[<>]/);
  });
});

describe('renderDeck document', () => {
  const deck = sampleDeck();
  const page = render(deck);

  it('follows reveal.js structure: one section per slide inside .reveal > .slides', () => {
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    const slides = page.slice(page.indexOf('<div class="slides">'), page.lastIndexOf('<script'));
    expect(page.indexOf('<div class="reveal herald-deck')).toBeLessThan(page.indexOf('<div class="slides">'));
    expect(slides.match(/<section\b/g)).toHaveLength(deck.slides.length);
    expect(slides.match(/<\/section>/g)).toHaveLength(deck.slides.length);
  });

  it('links only assets from the asset map, under the asset base URL', () => {
    const urls = [...attributes(page, 'href'), ...attributes(page, 'src')].filter((url) => url !== 'data:,');
    expect(urls).toEqual([
      '/assets/reveal/reveal.css',
      '/assets/reveal/theme/white.css',
      '/assets/herald/deck.css',
      '/assets/reveal/reveal.js',
      '/assets/reveal/plugin/notes.js',
      '/assets/chart.js/chart.umd.min.js',
      '/assets/herald/deck.js',
    ]);
    for (const url of urls) expect(findDeckAsset(url.replace('/assets/', ''))).toBeDefined();
  });

  it('omits the chart library when no slide has a chart', () => {
    expect(render(deckOf({ kind: 'bullets', title: 'Only text', items: ['a'] }))).not.toContain('chart.umd');
  });

  it('merges deck reveal options over the defaults into the boot config', () => {
    const custom = render({ ...deck, reveal: { transition: 'fade', width: 1920, height: 1080 } });
    const boot = JSON.parse(attributes(custom, 'data-deck')[0] ?? '') as { locale: string; reveal: Record<string, unknown> };
    expect(boot.locale).toBe('en');
    expect(boot.reveal).toMatchObject({ transition: 'fade', width: 1920, height: 1080, center: false, slideNumber: 'c/t', hash: true });
  });

  it('marks dark themes so the deck stylesheet can switch its colours', () => {
    expect(render({ ...deck, theme: 'black' })).toContain('class="reveal herald-deck hd-theme-black hd-dark"');
    expect(page).toContain('class="reveal herald-deck hd-theme-white"');
  });

  it('joins asset URLs with exactly one slash whatever the base looks like', () => {
    expect(renderDeck(deck, { assetBaseUrl: 'https://cdn.example.org/deck/' })).toContain('href="https://cdn.example.org/deck/reveal/reveal.css"');
    expect(renderDeck(deck, { assetBaseUrl: '' })).toContain('href="/reveal/reveal.css"');
    expect(renderDeck(deck, { assetBaseUrl: './assets' })).toContain('href="./assets/reveal/reveal.css"');
  });

  it('refuses an asset base with a scheme other than http(s)', () => {
    expect(() => renderDeck(deck, { assetBaseUrl: 'javascript:alert(1)//' })).toThrow(expect.objectContaining({ code: 'DECK_BAD_ASSET_BASE' }));
    expect(() => renderDeck(deck, { assetBaseUrl: 'data:text/html,x' })).toThrow(DeckRenderError);
  });

  it('splits speaker notes on blank lines into paragraphs', () => {
    expect(page).toContain('<aside class="notes"><p>Welcome everyone.</p><p>The short version: reach is up, response time is down.</p></aside>');
  });
});

describe('renderDeck slide content', () => {
  it('formats KPI values and deltas in the deck language', () => {
    const kpis: Slide = {
      kind: 'kpis',
      title: 'KPIs',
      cards: [
        { label: 'Reach', value: 1234567, format: 'integer', delta: { value: 0.125, direction: 'up', goodWhen: 'up' } },
        { label: 'Rate', value: 0.0462, format: 'percent', delta: { value: 0.02, direction: 'down', goodWhen: 'up' } },
        { label: 'Response', value: 3725, format: 'duration', delta: { value: 0.001, direction: 'flat', goodWhen: 'down' } },
      ],
    };
    const en = render(deckOf(kpis));
    const de = render({ ...deckOf(kpis), language: 'de-DE' });

    expect(en).toContain('<p class="hd-kpi-value">1,234,567</p>');
    expect(de).toContain('<p class="hd-kpi-value">1.234.567</p>');
    expect(en).toContain('<p class="hd-kpi-value">4.6%</p>');
    // German puts a no-break space before the percent sign.
    expect(de).toContain('<p class="hd-kpi-value">4,6\u00a0%</p>');
    // 3725 s = 1 h 2 min 5 s; minutes are the smallest unit shown once hours appear.
    expect(en).toContain('<p class="hd-kpi-value">1h 2m</p>');
    expect(en).toMatch(/hd-tone-good" data-direction="up">.*\+12\.5%/);
    expect(en).toMatch(/hd-tone-bad" data-direction="down">.*−2%/);
    expect(en).toMatch(/hd-tone-neutral" data-direction="flat">.*±0\.1%/);
  });

  it('shortens large KPI values only when the card asks for it', () => {
    const page = render(deckOf({ kind: 'kpis', title: 'K', cards: [{ label: 'Impressions', value: 1_284_000, format: 'integer', compact: true }] }));
    expect(page).toContain('<p class="hd-kpi-value">1.3M</p>');
  });

  it('right-aligns numeric table columns and formats them with the column format', () => {
    const page = render(
      deckOf({
        kind: 'table',
        title: 'T',
        columns: ['Post', { label: 'Rate', format: 'percent' }],
        rows: [
          ['A', 0.071],
          ['B', null],
        ],
      }),
    );
    expect(page).toContain('<td class="hd-align-left">A</td><td class="hd-align-right">7.1%</td>');
    expect(page).toContain('<td class="hd-align-left">B</td><td class="hd-align-right"></td>');
  });

  it('makes stepwise bullets reveal.js fragments and ordered bullets an ol', () => {
    const page = render(deckOf({ kind: 'bullets', title: 'B', items: ['one', 'two'], ordered: true, stepwise: true }));
    expect(page).toContain('<ol class="hd-list"><li class="fragment">one</li><li class="fragment">two</li></ol>');
  });

  it('puts each chart value in an accessible fallback table inside the canvas', () => {
    const page = render(deckOf({ kind: 'chart', title: 'C', type: 'line', labels: ['Mon', 'Tue'], series: [{ name: 'Reach', values: [10, 20] }] }));
    expect(page).toContain('<tr><th>Mon</th><td>10</td></tr><tr><th>Tue</th><td>20</td></tr>');
  });
});

describe('renderDeck validation', () => {
  it('lists every problem with its path under DECK_INVALID', () => {
    const deck: Deck = {
      title: 'Broken',
      language: 'not a language!',
      slides: [
        {
          kind: 'chart',
          title: 'C',
          type: 'doughnut',
          labels: ['a', 'b'],
          series: [
            { name: 's', values: [1] },
            { name: 't', values: [1, Number.NaN] },
          ],
        },
        { kind: 'table', title: 'T', columns: ['a', 'b'], rows: [['only one']] },
        { kind: 'kpis', title: 'K', cards: [] },
      ],
    };
    try {
      render(deck);
      expect.fail('renderDeck accepted an invalid deck');
    } catch (error) {
      expect(error).toBeInstanceOf(DeckRenderError);
      const { code, issues } = error as DeckRenderError;
      expect(code).toBe('DECK_INVALID');
      expect(issues.map((i) => i.path)).toEqual([
        'language',
        'slides[0].series',
        'slides[0].series[0].values',
        'slides[0].series[1].values[1]',
        'slides[1].rows[0]',
        'slides[2].cards',
      ]);
    }
  });

  it('rejects a deck without slides and an unknown slide kind', () => {
    expect(() => render(deckOf())).toThrow(/slides must not be empty/);
    expect(() => render(deckOf({ kind: 'video' } as unknown as Slide))).toThrow(/slides\[0\]\.kind unknown slide kind "video"/);
  });
});

describe('revealAssetFiles', () => {
  it('lists existing files under unique URL paths', () => {
    const assets = revealAssetFiles();
    expect(new Set(assets.map((a) => a.urlPath)).size).toBe(assets.length);
    for (const asset of assets) expect(existsSync(asset.filePath), asset.filePath).toBe(true);
  });

  it('serves the UMD builds a browser can load with a plain script tag', () => {
    expect(findDeckAsset('reveal/reveal.js')?.filePath).toMatch(/reveal\.js\/dist\/reveal\.js$/);
    expect(findDeckAsset('/chart.js/chart.umd.min.js')?.filePath).toMatch(/chart\.js\/dist\/chart\.umd\.min\.js$/);
    expect(findDeckAsset('../package.json')).toBeUndefined();
  });
});
