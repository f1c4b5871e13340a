import { LANGUAGES, type ExportFormat, type FormatFamily, type FormatField, type Language, type LocalizedHeaders } from './formats/export-format.ts';
import { EXPORT_FORMATS } from './formats/format-registry.ts';
import { normalizeHeader } from './values/normalize-header.ts';

/** A header row recognised as a native export. */
export interface FormatMatch {
  format: ExportFormat;
  /** The export's UI language, which decides its date and number notation. */
  language: Language;
  /** For each product field, the header cells it is read from, in order of preference. */
  columns: Partial<Record<FormatField, string[]>>;
  /** Zero-based positions of those cells, same order. */
  columnIndexes: Partial<Record<FormatField, number[]>>;
  /** Header cells the import does not read. */
  ignoredColumns: string[];
  /** Fields the format knows that this file does not have. */
  missingFields: FormatField[];
}

/** How close a header comes to a format; what it lacks explains an unrecognised file. */
export interface FormatCandidate {
  format: ExportFormat;
  language: Language;
  matchedColumns: number;
  /** Required columns that are absent, as the format's English header names. */
  missing: string[];
  match?: FormatMatch;
}

export interface DetectOptions {
  /** Only consider this network's formats. */
  family?: FormatFamily;
  formats?: readonly ExportFormat[];
}

export function detectFormat(headerRow: readonly string[], options: DetectOptions = {}): FormatMatch | null {
  return rankFormats(headerRow, options)[0]?.match ?? null;
}

/** Every format scored against the header: complete matches first, then by the number of columns recognised. */
export function rankFormats(headerRow: readonly string[], options: DetectOptions = {}): FormatCandidate[] {
  const positions = new Map<string, number>();
  headerRow.forEach((cell, i) => {
    const key = normalizeHeader(cell);
    if (key !== '' && !positions.has(key)) positions.set(key, i);
  });
  return (options.formats ?? EXPORT_FORMATS)
    .filter((f) => options.family === undefined || f.family === options.family)
    .map((f) => evaluate(f, headerRow, positions))
    .sort(
      (a, b) => Number(b.match !== undefined) - Number(a.match !== undefined) || b.matchedColumns - a.matchedColumns || b.format.version - a.format.version,
    );
}

function evaluate(format: ExportFormat, headerRow: readonly string[], positions: Map<string, number>): FormatCandidate {
  const language = pickLanguage(format, positions);
  const used = new Set<number>();
  const columns: FormatMatch['columns'] = {};
  const columnIndexes: FormatMatch['columnIndexes'] = {};
  const missingFields: FormatField[] = [];
  for (const [field, headers] of Object.entries(format.columns) as [FormatField, LocalizedHeaders][]) {
    const indexes = locate(headers, language, positions);
    if (indexes.length === 0) {
      missingFields.push(field);
      continue;
    }
    columnIndexes[field] = indexes;
    columns[field] = indexes.map((i) => headerRow[i] ?? '');
    for (const i of indexes) used.add(i);
  }
  const missing = format.required.filter((f) => missingFields.includes(f)).map((f) => format.columns[f]?.en[0] ?? f);
  for (const marker of format.markers ?? []) {
    const indexes = locate(marker, language, positions);
    if (indexes.length === 0) missing.push(marker.en.join(' or '));
    for (const i of indexes) used.add(i);
  }
  const candidate: FormatCandidate = { format, language, matchedColumns: used.size, missing };
  if (missing.length === 0) {
    const ignoredColumns = headerRow.filter((cell, i) => !used.has(i) && cell.trim() !== '');
    candidate.match = { format, language, columns, columnIndexes, ignoredColumns, missingFields };
  }
  return candidate;
}

/** The language whose spellings match the most columns; English wins ties (many names are the same in French). */
function pickLanguage(format: ExportFormat, positions: Map<string, number>): Language {
  let best: Language = 'en';
  let bestCount = -1;
  for (const language of LANGUAGES) {
    if (language !== 'en' && !format.locales[language]) continue;
    let count = 0;
    for (const headers of [...Object.values(format.columns), ...(format.markers ?? [])]) {
      if ((headers?.[language] ?? []).some((h) => positions.has(normalizeHeader(h)))) count++;
    }
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  return best;
}

/** Positions of a field's columns: the file's language first, then the others, each in the format's order. */
function locate(headers: LocalizedHeaders, language: Language, positions: Map<string, number>): number[] {
  const order = [language, ...LANGUAGES.filter((l) => l !== language)];
  const found: number[] = [];
  for (const l of order) {
    for (const h of headers[l] ?? []) {
      const i = positions.get(normalizeHeader(h));
      if (i !== undefined && !found.includes(i)) found.push(i);
    }
  }
  return found;
}
