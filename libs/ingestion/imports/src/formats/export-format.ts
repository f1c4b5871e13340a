import type { MetricsSnapshot, Network } from '@herald/events';

import type { ContentType } from '../values/content-type.ts';
import type { IdTimestampKind } from '../values/id-timestamp.ts';
import type { DecimalSeparator } from '../values/parse-count.ts';

export const FORMAT_FAMILIES = ['x', 'facebook', 'instagram', 'linkedin', 'tiktok'] as const;
export type FormatFamily = (typeof FORMAT_FAMILIES)[number];

export const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

export type MetricField = Exclude<keyof MetricsSnapshot, 'capturedAt'>;
export const METRIC_FIELDS = [
  'impressions',
  'reach',
  'engagements',
  'likes',
  'comments',
  'shares',
  'saves',
  'linkClicks',
  'profileClicks',
  'videoViews',
  'watchTimeSeconds',
] as const satisfies readonly MetricField[];

export type PostField = 'networkPostId' | 'publishedAt' | 'text' | 'link' | 'contentType' | 'campaign';
export type FormatField = PostField | MetricField;

/** Header spellings per export language, in order of preference: for each row the first non-empty cell wins. */
export type LocalizedHeaders = { en: readonly string[] } & Partial<Record<Exclude<Language, 'en'>, readonly string[]>>;

export interface LocaleConventions {
  /** Tried in order; see `compileDatePattern` for the tokens. */
  dateFormats: readonly string[];
  decimalSeparator: DecimalSeparator;
}

/**
 * One version of one network's native export: which header names mean which product field. This is data; a network
 * renaming a metric gets a new version file rather than an edit, so older exports keep parsing.
 */
export interface ExportFormat {
  /** Stable id, e.g. `x-tweet-activity`. Together with `version` it names the mapping used for an import. */
  id: string;
  version: number;
  family: FormatFamily;
  network: Network;
  name: string;
  /** Where the header names come from, what each mapping means, and what is deliberately not mapped. */
  notes: readonly string[];
  locales: { en: LocaleConventions } & Partial<Record<Exclude<Language, 'en'>, LocaleConventions>>;
  columns: Partial<Record<FormatField, LocalizedHeaders>>;
  /** Fields that must have a column for a header to be this format. */
  required: readonly FormatField[];
  /** Columns not imported but needed to tell this format from a similar one (Facebook's Page ID vs Instagram's Account ID). */
  markers?: readonly LocalizedHeaders[];
  /** Ids must look like this; a row whose id does not is from another file. */
  idPattern?: RegExp;
  /** When the export has no id column, the id is taken from the link: the first capture group. */
  idFromLink?: RegExp;
  /** When the date column has no time of day, the time is taken from the id if it agrees with the date. */
  idTimestamp?: IdTimestampKind;
  defaultContentType: ContentType;
}
