export type DeckRenderErrorCode = 'DECK_INVALID' | 'DECK_BAD_ASSET_BASE';

export interface DeckIssue {
  /** Where in the deck, e.g. `slides[3].series[0].values`. */
  path: string;
  message: string;
}

/** A deck that cannot be rendered as given; rendering it again cannot succeed. */
export class DeckRenderError extends Error {
  readonly retriable = false;
  constructor(
    readonly code: DeckRenderErrorCode,
    message: string,
    readonly issues: DeckIssue[] = [],
  ) {
    super(issues.length ? `${message}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}` : message);
    this.name = 'DeckRenderError';
  }
}
