import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { DECK_THEMES, type DeckTheme } from './slide.model.ts';

export interface DeckAsset {
  /** Path under the asset base URL, without a leading slash, e.g. `reveal/reveal.css`. */
  urlPath: string;
  /** Absolute path of the file to send. */
  filePath: string;
  contentType: string;
}

/** URL paths under the asset base; `renderDeck` links exactly these. */
export const DECK_ASSET_PATHS = {
  revealCss: 'reveal/reveal.css',
  revealJs: 'reveal/reveal.js',
  notesPlugin: 'reveal/plugin/notes.js',
  chartJs: 'chart.js/chart.umd.min.js',
  deckCss: 'herald/deck.css',
  deckJs: 'herald/deck.js',
  theme: (theme: DeckTheme): string => `reveal/theme/${theme}.css`,
} as const;

const CSS = 'text/css; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';

let cached: readonly DeckAsset[] | undefined;

/**
 * Every file a rendered deck can reference, for any theme, with the URL path it is served
 * under. A server serves exactly these and nothing else from node_modules.
 */
export function revealAssetFiles(): readonly DeckAsset[] {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  // The packages' `exports` hide their dist folders; the entry points live in them.
  const revealDist = dirname(require.resolve('reveal.js'));
  const chartDist = dirname(require.resolve('chart.js'));
  const ownAssets = fileURLToPath(new URL('../assets/', import.meta.url));
  cached = Object.freeze(
    [
      { urlPath: DECK_ASSET_PATHS.revealCss, filePath: join(revealDist, 'reveal.css'), contentType: CSS },
      ...DECK_THEMES.map((theme) => ({ urlPath: DECK_ASSET_PATHS.theme(theme), filePath: join(revealDist, 'theme', `${theme}.css`), contentType: CSS })),
      { urlPath: DECK_ASSET_PATHS.revealJs, filePath: join(revealDist, 'reveal.js'), contentType: JS },
      { urlPath: DECK_ASSET_PATHS.notesPlugin, filePath: join(revealDist, 'plugin', 'notes.js'), contentType: JS },
      { urlPath: DECK_ASSET_PATHS.chartJs, filePath: join(chartDist, 'chart.umd.min.js'), contentType: JS },
      { urlPath: DECK_ASSET_PATHS.deckCss, filePath: join(ownAssets, 'deck.css'), contentType: CSS },
      { urlPath: DECK_ASSET_PATHS.deckJs, filePath: join(ownAssets, 'deck.js'), contentType: JS },
    ].map((asset) => Object.freeze(asset)),
  );
  return cached;
}

/** The asset served under `urlPath` (relative to the asset base), if there is one. */
export function findDeckAsset(urlPath: string): DeckAsset | undefined {
  const wanted = urlPath.replace(/^\/+/, '');
  return revealAssetFiles().find((asset) => asset.urlPath === wanted);
}
