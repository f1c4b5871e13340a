import { Compile } from 'typebox/compile';

import { NETWORKS, type Network } from '@herald/events';

import { ColumnMappingSchema, MAPPING_FIELDS, REQUIRED_MAPPING_FIELDS, type ColumnMapping } from './column-mapping.schema.ts';
import type { FormatMatch } from './detect-format.ts';
import { FORMAT_FAMILIES, type FormatFamily } from './formats/export-format.ts';
import { ImportError } from './import-error.ts';
import { compileDatePattern, type DatePattern } from './values/parse-date.ts';
import { isValidTimeZone } from './values/time-zone.ts';

export type FormatChoice = 'auto' | FormatFamily | 'mapping';
export type TextEncoding = 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export const TEXT_ENCODINGS: readonly TextEncoding[] = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];

/** What the parser learned from the top of the file, reported before the first record. */
export interface HeaderInfo {
  /** Row of the header (rows above it were a title or notes). */
  row: number;
  delimiter: string;
  encoding: Exclude<TextEncoding, 'auto'>;
  /** The native export recognised, or null when a column mapping was used. */
  format: FormatMatch | null;
  /** Product field → header cells read for it. */
  columns: Record<string, string[]>;
}

export interface ParseExportOptions {
  /** `auto` (default) recognises the export from its header; a network name narrows that; `mapping` uses `mapping`. */
  format?: FormatChoice;
  mapping?: ColumnMapping;
  /** IANA zone for dates written without an offset (Meta, LinkedIn, TikTok, mappings). Default UTC. */
  timeZone?: string;
  /** The network of a mapped file, when the mapping does not say. */
  network?: Network;
  /** Stamped on every post, and on follower counts when the file has no profile column. */
  profileId?: string;
  /**
   * When the counters were read. Default: the moment parsing starts. Export counters are lifetime totals as of the
   * download, not as of the end of the period the file covers (that period only selects which posts are listed), so
   * the upload time is the closest stand-in; pass the download time when it is known.
   */
  capturedAt?: string | Date;
  /** Overrides the date pattern(s) of a native format, e.g. day-first dates in an English-headed file. */
  dateFormat?: string | readonly string[];
  /** `auto` (default): byte-order mark, else UTF-16 by its zero bytes, else strict UTF-8. */
  encoding?: TextEncoding;
  onHeader?: (info: HeaderInfo) => void;
  /** Longest record accepted, in bytes (default 1 MB); guards memory against an unclosed quote swallowing the file. */
  maxRecordBytes?: number;
}

export interface ResolvedOptions {
  format: FormatChoice;
  mapping?: ColumnMapping;
  network?: Network;
  timeZone: string;
  profileId?: string;
  capturedAt: string;
  capturedAtMs: number;
  datePatterns?: DatePattern[];
  encoding: TextEncoding;
  onHeader?: (info: HeaderInfo) => void;
  maxRecordBytes: number;
}

const checkMapping = Compile(ColumnMappingSchema);

function invalid(message: string, details: Record<string, unknown> = {}): ImportError {
  return new ImportError('IMPORT_INVALID_OPTIONS', message, undefined, details);
}

/** Checks everything that can be checked before reading a byte, so a bad mapping fails fast and says why. */
export function resolveOptions(options: ParseExportOptions): ResolvedOptions {
  const format = options.format ?? (options.mapping ? 'mapping' : 'auto');
  if (format !== 'auto' && format !== 'mapping' && !FORMAT_FAMILIES.includes(format)) {
    throw invalid(`format must be auto, mapping or one of ${FORMAT_FAMILIES.join(', ')}; got "${String(format)}"`);
  }
  const mapping = format === 'mapping' ? checkColumnMapping(options.mapping) : undefined;

  const timeZone = options.timeZone ?? mapping?.timeZone ?? 'UTC';
  if (!isValidTimeZone(timeZone)) throw invalid(`timeZone "${timeZone}" is not an IANA time zone`);

  const network = mapping?.network ?? options.network;
  if (network !== undefined && !(NETWORKS as readonly unknown[]).includes(network)) throw invalid(`network must be one of ${NETWORKS.join(', ')}`);
  if (mapping && network === undefined) throw invalid('A column mapping needs a network (mapping.network or the network option)');

  if (mapping?.target === 'followers' && mapping.columns.profileId === undefined && !options.profileId) {
    throw invalid('Follower counts need a profile: map a profileId column or pass the profileId option');
  }
  if (options.profileId !== undefined && (options.profileId.length === 0 || options.profileId.length > 128)) {
    throw invalid('profileId must be 1 to 128 characters');
  }

  const captured = options.capturedAt === undefined ? new Date() : new Date(options.capturedAt);
  if (Number.isNaN(captured.getTime())) throw invalid(`capturedAt "${String(options.capturedAt)}" is not a date`);

  const patterns = mapping?.dateFormat ?? options.dateFormat;
  let datePatterns: DatePattern[] | undefined;
  if (patterns !== undefined) {
    try {
      datePatterns = (typeof patterns === 'string' ? [patterns] : [...patterns]).map(compileDatePattern);
    } catch (error) {
      throw invalid(`dateFormat: ${(error as Error).message}`);
    }
  }

  const encoding = options.encoding ?? 'auto';
  if (!TEXT_ENCODINGS.includes(encoding)) throw invalid(`encoding must be one of ${TEXT_ENCODINGS.join(', ')}`);
  const maxRecordBytes = options.maxRecordBytes ?? 1_000_000;
  if (!Number.isInteger(maxRecordBytes) || maxRecordBytes < 1024) throw invalid('maxRecordBytes must be an integer of at least 1024');

  return {
    format,
    mapping,
    network,
    timeZone,
    profileId: options.profileId,
    capturedAt: captured.toISOString(),
    capturedAtMs: captured.getTime(),
    datePatterns,
    encoding,
    onHeader: options.onHeader,
    maxRecordBytes,
  };
}

/** Validates a mapping received as JSON; throws IMPORT_INVALID_OPTIONS naming every problem. */
export function checkColumnMapping(value: unknown): ColumnMapping {
  if (value === undefined) throw invalid('format "mapping" needs a mapping');
  if (!checkMapping.Check(value)) {
    const problems = [...checkMapping.Errors(value)].map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw invalid(`The column mapping is invalid: ${problems.join('; ')}`, { problems });
  }
  const allowed: readonly string[] = MAPPING_FIELDS[value.target];
  const unknown = Object.keys(value.columns).filter((f) => !allowed.includes(f));
  if (unknown.length > 0) {
    throw invalid(`The column mapping names fields that ${value.target} do not have: ${unknown.join(', ')}. Allowed: ${allowed.join(', ')}`);
  }
  const missing = REQUIRED_MAPPING_FIELDS[value.target].filter(
    (f) => value.columns[f] === undefined && !(f === 'networkPostId' && value.rowIdPrefix !== undefined),
  );
  if (missing.length > 0) throw invalid(`The column mapping for ${value.target} must map ${missing.join(', ')}`);
  return value;
}
