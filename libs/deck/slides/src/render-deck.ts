import { DECK_ASSET_PATHS } from './deck-assets.ts';
import { DeckRenderError } from './deck-render.error.ts';
import { html } from './html.ts';
import { createNumberFormatter } from './number-format.ts';
import { renderSlide } from './render-slide.ts';
import type { Deck, DeckRevealOptions, DeckTheme } from './slide.model.ts';
import { assertValidDeck } from './validate-deck.ts';

export interface RenderDeckOptions {
  /**
   * Where the files of `revealAssetFiles()` are served: an absolute path (`/decks/assets`),
   * a relative one (`./assets`) or an http(s) URL. Each asset is linked as `<base>/<urlPath>`.
   */
  assetBaseUrl: string;
}

/** What `assets/deck.js` reads from the `.reveal` element to start the deck. */
export interface DeckBootConfig {
  locale: string;
  reveal: DeckRevealOptions;
}

/**
 * Defaults for a deck shown on a projector or shared screen: 16:9, slides laid out from the
 * top (title and section slides centre themselves), progress and slide numbers on.
 */
export const DEFAULT_REVEAL_OPTIONS: Readonly<DeckRevealOptions> = Object.freeze({
  width: 1280,
  height: 720,
  margin: 0.04,
  center: false,
  hash: true,
  controls: true,
  progress: true,
  slideNumber: 'c/t',
  transition: 'slide',
  backgroundTransition: 'fade',
});

const DARK_THEMES: ReadonlySet<DeckTheme> = new Set(['black', 'black-contrast', 'dracula']);

function normaliseAssetBase(assetBaseUrl: string): string {
  const base = assetBaseUrl.trim().replace(/\/+$/, '');
  // Any scheme but http(s) (javascript:, data:) would let the caller's string decide what runs.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(base)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'http' || scheme === 'https') return base;
  throw new DeckRenderError('DECK_BAD_ASSET_BASE', `assetBaseUrl must be a path or an http(s) URL, got ${JSON.stringify(assetBaseUrl)}`);
}

/** Renders a deck as one reveal.js HTML document that loads its assets from `assetBaseUrl`. */
export function renderDeck(deck: Deck, options: RenderDeckOptions): string {
  assertValidDeck(deck);
  const base = normaliseAssetBase(options.assetBaseUrl);
  const asset = (urlPath: string): string => `${base}/${urlPath}`;
  const locale = Intl.getCanonicalLocales(deck.language)[0] ?? 'en';
  const ctx = { format: createNumberFormatter(locale) };
  const boot: DeckBootConfig = { locale, reveal: { ...DEFAULT_REVEAL_OPTIONS, ...deck.reveal } };
  const theme = deck.theme ?? 'white';
  const hasChart = deck.slides.some((slide) => slide.kind === 'chart');

  return `<!doctype html>\n${
    html`<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Herald">
<title>${deck.title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset(DECK_ASSET_PATHS.revealCss)}">
<link rel="stylesheet" href="${asset(DECK_ASSET_PATHS.theme(theme))}" id="theme">
<link rel="stylesheet" href="${asset(DECK_ASSET_PATHS.deckCss)}">
</head>
<body>
<div class="reveal herald-deck hd-theme-${theme}${DARK_THEMES.has(theme) ? ' hd-dark' : ''}" data-deck="${JSON.stringify(boot)}">
<div class="slides">
${deck.slides.map((slide) => [renderSlide(slide, ctx), '\n'])}</div>
</div>
<script src="${asset(DECK_ASSET_PATHS.revealJs)}"></script>
<script src="${asset(DECK_ASSET_PATHS.notesPlugin)}"></script>
${hasChart ? html`<script src="${asset(DECK_ASSET_PATHS.chartJs)}"></script>\n` : null}<script src="${asset(DECK_ASSET_PATHS.deckJs)}"></script>
</body>
</html>
`.value
  }`;
}
