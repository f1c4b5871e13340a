import type { Network } from '@herald/events';

import type { ColumnMapping, ImportTarget } from './column-mapping.schema.ts';
import type { FormatMatch } from './detect-format.ts';
import type { ResolvedOptions } from './parse-options.ts';
import type { ContentType } from './values/content-type.ts';
import type { IdTimestampKind } from './values/id-timestamp.ts';
import { normalizeHeader } from './values/normalize-header.ts';
import type { DecimalSeparator } from './values/parse-count.ts';
import { compileDatePattern, type DatePattern } from './values/parse-date.ts';

export interface FieldColumns {
  indexes: number[];
  headers: string[];
}

/** Everything needed to turn a data row into an item, whether the header was recognised or mapped by the caller. */
export interface RowPlan {
  target: ImportTarget;
  network: Network;
  /** Names the source in messages: "X tweet activity export v1", "column mapping". */
  title: string;
  columnCount: number;
  /** The normalised header, to spot the header repeated further down (files pasted together). */
  headerKey: string;
  fields: Partial<Record<string, FieldColumns>>;
  datePatterns: DatePattern[];
  decimalSeparator?: DecimalSeparator;
  timeZone: string;
  idPattern?: RegExp;
  idFromLink?: RegExp;
  idTimestamp?: IdTimestampKind;
  defaultContentType: ContentType;
  rowIdPrefix?: string;
  match: FormatMatch | null;
}

export function headerKey(cells: readonly string[]): string {
  return cells.map(normalizeHeader).join('\u0001');
}

export function planFromFormat(match: FormatMatch, header: readonly string[], options: ResolvedOptions): RowPlan {
  const { format, language } = match;
  const locale = format.locales[language] ?? format.locales.en;
  const fields: RowPlan['fields'] = {};
  for (const [field, indexes] of Object.entries(match.columnIndexes)) {
    fields[field] = { indexes, headers: match.columns[field as keyof typeof match.columns] ?? [] };
  }
  return {
    target: 'posts',
    network: format.network,
    title: `${format.name} v${format.version}`,
    columnCount: header.length,
    headerKey: headerKey(header),
    fields,
    datePatterns: options.datePatterns ?? locale.dateFormats.map(compileDatePattern),
    decimalSeparator: locale.decimalSeparator,
    timeZone: options.timeZone,
    idPattern: format.idPattern,
    idFromLink: format.idFromLink,
    idTimestamp: format.idTimestamp,
    defaultContentType: format.defaultContentType,
    match,
  };
}

/** The plan for a caller's mapping, or the mapped headers the file lacks. */
export function planFromMapping(mapping: ColumnMapping, header: readonly string[], options: ResolvedOptions): RowPlan | { missing: string[] } {
  const positions = new Map<string, number>();
  header.forEach((cell, i) => {
    const key = normalizeHeader(cell);
    if (!positions.has(key)) positions.set(key, i);
  });
  const fields: RowPlan['fields'] = {};
  const missing: string[] = [];
  for (const [field, spec] of Object.entries(mapping.columns)) {
    const names = typeof spec === 'string' ? [spec] : spec;
    const indexes = names.map((n) => positions.get(normalizeHeader(n))).filter((i): i is number => i !== undefined);
    if (indexes.length === 0) missing.push(`${names.map((n) => `"${n}"`).join(' or ')} (for ${field})`);
    else fields[field] = { indexes, headers: indexes.map((i) => header[i] ?? '') };
  }
  if (missing.length > 0) return { missing };
  return {
    target: mapping.target,
    // resolveOptions refuses a mapping without a network.
    network: options.network ?? 'other',
    title: 'column mapping',
    columnCount: header.length,
    headerKey: headerKey(header),
    fields,
    datePatterns: options.datePatterns ?? [compileDatePattern('ISO')],
    decimalSeparator: mapping.decimalSeparator,
    timeZone: options.timeZone,
    defaultContentType: 'text',
    rowIdPrefix: mapping.rowIdPrefix,
    match: null,
  };
}
