export * from './deck-assets.ts';
export * from './deck-render.error.ts';
export * from './escape-html.ts';
export * from './number-format.ts';
export * from './render-deck.ts';
export type { ChartSpec } from './render-slide.ts';
export * from './slide.model.ts';
export * from './validate-deck.ts';
