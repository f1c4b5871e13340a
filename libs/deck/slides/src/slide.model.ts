import type { RevealConfig } from './reveal-config.ts';

/**
 * How a number is shown. `percent` takes a ratio (0.042 → 4.2 %), `duration` takes seconds
 * (95 → 1m 35s); both follow the deck's locale.
 */
export type NumberFormat = 'integer' | 'percent' | 'decimal' | 'duration';

/** Every slide may carry speaker notes: plain text, blank lines separate paragraphs. */
interface SlideBase {
  notes?: string;
}

export interface TitleSlide extends SlideBase {
  kind: 'title';
  title: string;
  subtitle?: string;
  /** The reporting period as the audience reads it, e.g. "May 2026". */
  period?: string;
  /** Who the deck is for, e.g. "VP Marketing". */
  audience?: string;
}

export type Direction = 'up' | 'down' | 'flat';

export interface KpiDelta {
  /** Change against the comparison period; a ratio when `format` is `percent` (the default). */
  value: number;
  format?: NumberFormat;
  direction: Direction;
  /** Which direction is good news for this metric (response time: `down`). */
  goodWhen: 'up' | 'down';
  /** What the change is measured against, e.g. "vs. April". */
  label?: string;
}

export interface KpiCard {
  label: string;
  value: number;
  format: NumberFormat;
  /** Short form for large numbers (1.2M); off by default so exact figures stay exact. */
  compact?: boolean;
  delta?: KpiDelta;
  hint?: string;
}

export interface KpisSlide extends SlideBase {
  kind: 'kpis';
  title: string;
  cards: KpiCard[];
}

export type ChartType = 'bar' | 'line' | 'doughnut';

export interface ChartSeries {
  name: string;
  /** One value per label. */
  values: number[];
}

export interface ChartSlide extends SlideBase {
  kind: 'chart';
  title: string;
  type: ChartType;
  labels: string[];
  series: ChartSeries[];
  /** Format of axis ticks, value labels and tooltips; `decimal` by default. */
  valueFormat?: Exclude<NumberFormat, 'duration'>;
  caption?: string;
}

export interface BulletsSlide extends SlideBase {
  kind: 'bullets';
  title: string;
  items: string[];
  ordered?: boolean;
  /** Reveal the items one at a time while presenting. */
  stepwise?: boolean;
}

/** The story of the period: what happened, why it matters, what comes next. */
export interface NarrativeSlide extends SlideBase {
  kind: 'narrative';
  /** Small line above the headline, e.g. "Why it matters". */
  kicker?: string;
  headline: string;
  paragraphs: string[];
}

export interface TableColumn {
  label: string;
  /** Numbers in this column are formatted with it; `decimal` by default. */
  format?: NumberFormat;
  /** Numbers are right-aligned and text left-aligned unless set. */
  align?: 'left' | 'right';
}

export type TableCell = string | number | null;

export interface TableSlide extends SlideBase {
  kind: 'table';
  title: string;
  columns: Array<string | TableColumn>;
  /** Each row has one cell per column; `null` shows as an empty cell. */
  rows: TableCell[][];
}

export type Sentiment = 'positive' | 'neutral' | 'negative' | 'mixed';

export interface Quote {
  /** Mention text as written by the public: shown verbatim, never interpreted as HTML. */
  text: string;
  author?: string;
  network?: string;
  sentiment?: Sentiment;
}

export interface QuotesSlide extends SlideBase {
  kind: 'quotes';
  title: string;
  quotes: Quote[];
}

export interface SectionSlide extends SlideBase {
  kind: 'section';
  title: string;
  subtitle?: string;
}

export type Slide = TitleSlide | KpisSlide | ChartSlide | BulletsSlide | NarrativeSlide | TableSlide | QuotesSlide | SectionSlide;

export type SlideKind = Slide['kind'];

/** reveal.js themes that render offline: the others import fonts from Google. */
export const DECK_THEMES = ['white', 'black', 'white-contrast', 'black-contrast', 'serif', 'dracula'] as const;
export type DeckTheme = (typeof DECK_THEMES)[number];

type FunctionValued = 'plugins' | 'dependencies' | 'autoAnimateMatcher' | 'autoSlideMethod' | 'keyboardCondition' | 'keyboard' | 'slideNumber';

/**
 * reveal.js options that survive the trip into the page as JSON. Plugins are chosen by the
 * renderer, and callbacks cannot be serialised, so those keys are left out or narrowed.
 */
export type DeckRevealOptions = Omit<RevealConfig, FunctionValued> & {
  keyboard?: boolean;
  slideNumber?: Exclude<RevealConfig['slideNumber'], (...args: never[]) => unknown>;
};

export interface Deck {
  title: string;
  /** BCP 47 tag: the document's `lang` and the locale of every number, e.g. `en`, `de-DE`. */
  language: string;
  theme?: DeckTheme;
  slides: Slide[];
  reveal?: DeckRevealOptions;
}
