import { describe, expect, it } from 'vitest';

import { DEFAULT_REVEAL_OPTIONS } from './render-deck.ts';
import type { DeckRevealOptions } from './slide.model.ts';

describe('DeckRevealOptions', () => {
  it('is checked against reveal.js RevealConfig, not any', () => {
    // Each line fails the typecheck if reveal.js's types stop resolving (the directive goes unused).
    // @ts-expect-error reveal.js has no such transition
    const badTransition: DeckRevealOptions = { transition: 'wobble' };
    // @ts-expect-error callbacks cannot be serialised into the page
    const callback: DeckRevealOptions = { slideNumber: () => '1' };
    // @ts-expect-error plugins are chosen by the renderer
    const plugins: DeckRevealOptions = { plugins: [] };
    expect([badTransition, callback, plugins]).toHaveLength(3);
    expect(DEFAULT_REVEAL_OPTIONS.width).toBe(1280);
  });
});
