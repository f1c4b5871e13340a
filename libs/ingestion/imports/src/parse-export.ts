import { parse, type CsvError } from 'csv-parse';

import { DedupeIndex } from './dedupe-index.ts';
import { openUtf8Stream, type ImportSource } from './decode/utf8-stream.ts';
import { detectFormat, rankFormats } from './detect-format.ts';
import type { FormatFamily } from './formats/export-format.ts';
import { ImportError } from './import-error.ts';
import type { ImportRecord } from './import-record.ts';
import { resolveOptions, type HeaderInfo, type ParseExportOptions, type ResolvedOptions } from './parse-options.ts';
import { RowInterpreter } from './row-interpreter.ts';
import { headerKey, planFromFormat, planFromMapping, type RowPlan } from './row-plan.ts';

/** Non-blank rows tolerated above the header: LinkedIn's sheets and hand-made files put a title there. */
const MAX_ROWS_BEFORE_HEADER = 5;
const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * Streams a CSV export into product items. One pass, bounded memory: bytes are decoded and parsed chunk by chunk and
 * each row is yielded as soon as it is read, so a 200 MB upload never sits in memory.
 *
 * Options are checked at once (a bad mapping throws before any byte is read). Problems with the file as a whole throw
 * an `ImportError` while iterating — possibly after earlier rows were yielded, so treat an import as all-or-nothing or
 * stage its rows. Problems with one row are yielded as `rejected` records and parsing goes on.
 */
export function parseExport(source: ImportSource, options: ParseExportOptions = {}): AsyncGenerator<ImportRecord, void, undefined> {
  return run(source, resolveOptions(options));
}

async function* run(source: ImportSource, options: ResolvedOptions): AsyncGenerator<ImportRecord, void, undefined> {
  const { encoding, chunks } = await openUtf8Stream(source, options.encoding);
  let row = 0;
  try {
    // The delimiter is settled on the first line, before the parser starts.
    const pending: Uint8Array[] = [];
    const utf8 = new TextDecoder();
    let pendingText = '';
    let firstLine: string | undefined;
    while (firstLine === undefined && pendingText.length < 65_536) {
      const next = await chunks.next();
      if (next.done) break;
      pending.push(next.value);
      pendingText += utf8.decode(next.value, { stream: true });
      firstLine = firstRecordText(pendingText);
    }
    const delimiter = options.mapping?.delimiter ?? sniffDelimiter(firstLine ?? pendingText);
    const parser = parse({
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: options.maxRecordBytes,
    });
    parser.on('error', () => {
      // Read synchronously from `parser.errored` below; the listener only keeps the event from crashing the process.
    });
    const assembler = new RecordAssembler(options, { encoding, delimiter });

    // Rows parsed from one chunk are yielded before a parse error in the same chunk is thrown.
    const records: ImportRecord[] = [];
    let failure: ImportError | undefined;
    const feed = (chunk: Uint8Array | undefined): void => {
      if (chunk === undefined) parser.end();
      else parser.write(chunk);
      let cells: string[] | null;
      while ((cells = parser.read() as string[] | null) !== null) {
        row++;
        const record = assembler.accept(cells, row);
        if (record) records.push(record);
      }
      if (parser.errored) failure = malformed(parser.errored as CsvError, row + 1, options.maxRecordBytes);
    };
    const flush = function* (): Generator<ImportRecord, void, undefined> {
      for (let i = 0; i < records.length; i++) yield records[i] as ImportRecord;
      records.length = 0;
      if (failure) throw failure;
    };

    try {
      for (const chunk of pending) {
        feed(chunk);
        yield* flush();
      }
      for await (const chunk of chunks) {
        feed(chunk);
        yield* flush();
      }
      feed(undefined);
      yield* flush();
    } finally {
      parser.destroy();
    }
    assembler.finish();
  } catch (error) {
    if (error instanceof ImportError && error.code === 'IMPORT_ENCODING') throw error.atRow(row + 1);
    throw error;
  } finally {
    await chunks.return(undefined);
  }
}

/** Builds the plan from the header, then turns each data row into a record. */
class RecordAssembler {
  private plan?: RowPlan;
  private interpreter?: RowInterpreter;
  private readonly dedupe = new DedupeIndex();
  private readonly rowsBeforeHeader: string[][] = [];

  constructor(
    private readonly options: ResolvedOptions,
    private readonly source: Pick<HeaderInfo, 'encoding' | 'delimiter'>,
  ) {}

  accept(cells: string[], row: number): ImportRecord | undefined {
    if (isBlank(cells)) return undefined;
    if (!this.plan || !this.interpreter) {
      this.findHeader(cells, row);
      return undefined;
    }
    if (cells.length !== this.plan.columnCount && !onlyTrailingBlanks(cells, this.plan.columnCount)) {
      return {
        row,
        kind: 'rejected',
        reason:
          this.otherHeader(cells) ??
          `The row has ${cells.length} fields where the header has ${this.plan.columnCount}: it belongs to another file, or a field with a "${this.source.delimiter}" is not quoted`,
      };
    }
    const result = this.interpreter.interpret(cells, row);
    if (result.key === undefined) {
      const header = this.otherHeader(cells);
      return header ? { row, kind: 'rejected', reason: header } : result.record;
    }
    const of = this.dedupe.claim(result.key, row);
    return of === undefined ? result.record : { row, kind: 'duplicate', of };
  }

  /** The end of the file: a file that never showed a header is empty or unrecognised. */
  finish(): void {
    if (this.plan) return;
    const first = this.rowsBeforeHeader[0];
    if (!first) throw new ImportError('IMPORT_EMPTY', 'The file holds no rows, not even a header');
    throw this.unknownFormat(first);
  }

  private findHeader(cells: string[], row: number): void {
    const { options } = this;
    const header = cells.map((c) => c.trim());
    let plan: RowPlan | undefined;
    if (options.mapping) {
      const planned = planFromMapping(options.mapping, header, options);
      if (!('missing' in planned)) plan = planned;
    } else {
      const match = detectFormat(header, { family: familyOf(options) });
      if (match) plan = planFromFormat(match, header, options);
    }
    if (!plan) {
      this.rowsBeforeHeader.push(header);
      if (this.rowsBeforeHeader.length >= MAX_ROWS_BEFORE_HEADER) throw this.unknownFormat(this.rowsBeforeHeader[0] ?? header);
      return;
    }
    // Which of two columns of one name holds the value cannot be told; first-wins would guess silently.
    const duplicates = duplicateNames(header);
    if (duplicates.length > 0) {
      throw new ImportError(
        'IMPORT_DUPLICATE_COLUMNS',
        `The header names ${duplicates.map((d) => `"${d}"`).join(', ')} more than once: rename or remove the extra column(s) and upload again`,
        row,
        { duplicates },
      );
    }
    this.plan = plan;
    this.interpreter = new RowInterpreter(plan, { capturedAt: options.capturedAt, capturedAtMs: options.capturedAtMs, profileId: options.profileId });
    const columns: Record<string, string[]> = {};
    for (const [field, spec] of Object.entries(plan.fields)) if (spec) columns[field] = spec.headers;
    options.onHeader?.({ row, ...this.source, format: plan.match, columns });
  }

  private unknownFormat(header: string[]): ImportError {
    const shown =
      header
        .slice(0, 12)
        .map((h) => `"${h}"`)
        .join(', ') + (header.length > 12 ? `, … (${header.length} columns)` : '');
    const { options } = this;
    if (options.mapping) {
      const planned = planFromMapping(options.mapping, header, options);
      const missing = 'missing' in planned ? planned.missing : [];
      return new ImportError('IMPORT_UNKNOWN_FORMAT', `The header lacks the mapped column(s) ${missing.join(', ')}. Header: ${shown}`, undefined, {
        header,
        missing,
      });
    }
    const family = familyOf(options);
    const closest = rankFormats(header, { family })[0];
    const hint =
      closest && closest.matchedColumns > 0
        ? ` Closest: ${closest.format.name} v${closest.format.version}, which needs ${closest.missing.map((m) => `"${m}"`).join(', ')}.`
        : '';
    const what = family ? `a ${family} export Herald recognises` : 'a native export Herald recognises';
    return new ImportError(
      'IMPORT_UNKNOWN_FORMAT',
      `The header row is not ${what}.${hint} Header: ${shown}. Other CSV files can be imported with a column mapping.`,
      undefined,
      { header, closest: closest ? { format: closest.format.id, version: closest.format.version, missing: closest.missing } : null },
    );
  }

  /** Explains a rejected row that is really a header: the same file pasted twice, or another export appended. */
  private otherHeader(cells: string[]): string | undefined {
    if (!this.plan) return undefined;
    if (headerKey(cells) === this.plan.headerKey) return 'The header row appears again here: several files were joined together';
    const other = detectFormat(cells.map((c) => c.trim()));
    if (other) return `This row is the header of a ${other.format.name}: the rows below it belong to another export`;
    return undefined;
  }
}

function familyOf(options: ResolvedOptions): FormatFamily | undefined {
  return options.format === 'auto' || options.format === 'mapping' ? undefined : options.format;
}

function isBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

function onlyTrailingBlanks(cells: readonly string[], expected: number): boolean {
  if (cells.length < expected) return false;
  for (let i = expected; i < cells.length; i++) if ((cells[i] ?? '').trim() !== '') return false;
  return true;
}

/** The text of the first record (up to a line break outside quotes), or undefined while it is incomplete. */
function firstRecordText(text: string): string | undefined {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return text.slice(0, i);
  }
  return undefined;
}

/** Header names that appear more than once (compared trimmed and case-insensitively; blank names are ignored). */
export function duplicateNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  for (const name of header) {
    const key = name.trim().toLowerCase();
    if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return header.filter((name, i) => {
    const key = name.trim().toLowerCase();
    return (seen.get(key) ?? 0) > 1 && header.findIndex((h) => h.trim().toLowerCase() === key) === i;
  });
}

/** The candidate that splits the header into the most fields, outside quotes; a comma when none does. */
function sniffDelimiter(line: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

function malformed(error: CsvError, row: number, maxRecordBytes: number): ImportError {
  const details = { csvCode: error.code, line: (error as CsvError & { lines?: number }).lines };
  const where = details.line ? ` (around line ${details.line})` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ImportError(
        'IMPORT_MALFORMED',
        `A quoted field opened in this row is never closed${where}: the file is truncated or holds a stray quote`,
        row,
        details,
      );
    case 'CSV_MAX_RECORD_SIZE':
      return new ImportError(
        'IMPORT_MALFORMED',
        `The row runs past ${maxRecordBytes} bytes${where}: most likely an unclosed quote swallowing the rest of the file`,
        row,
        details,
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new ImportError('IMPORT_MALFORMED', `A quoted field is followed by more text before the next delimiter${where}`, row, details);
    case 'INVALID_OPENING_QUOTE':
      return new ImportError(
        'IMPORT_MALFORMED',
        `A quote appears inside a field that is not quoted${where}: quote the whole field and double the quote`,
        row,
        details,
      );
    default:
      return new ImportError('IMPORT_MALFORMED', `The CSV cannot be parsed${where}: ${error.message}`, row, details);
  }
}
