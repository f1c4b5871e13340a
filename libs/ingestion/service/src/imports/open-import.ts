import { createReadStream } from 'node:fs';

import { isImportError, parseExport, type HeaderInfo, type ImportErrorCode, type ImportRecord, type ParseExportOptions } from '@herald/ingestion-imports';
import { AppError } from '@herald/service-kit';

/** A parse under way: the header has been read; `records` goes on from the first row. */
export interface OpenedImport {
  header: HeaderInfo | null;
  records: AsyncIterable<ImportRecord>;
  /** Bytes of the file handed to the parser so far. */
  bytesRead(): number;
  /** Stops reading and closes the file. */
  close(): Promise<void>;
}

/** File problems are the upload's fault, not the request's form: 422. Bad options: 400. */
const STATUS: Record<ImportErrorCode, number> = {
  IMPORT_EMPTY: 422,
  IMPORT_NOT_CSV: 422,
  IMPORT_UNKNOWN_FORMAT: 422,
  IMPORT_MALFORMED: 422,
  IMPORT_ENCODING: 422,
  IMPORT_DUPLICATE_COLUMNS: 422,
  IMPORT_INVALID_OPTIONS: 400,
};

export function toAppError(error: unknown): unknown {
  if (!isImportError(error)) return error;
  return new AppError(error.code, error.message, STATUS[error.code], { ...(error.row === undefined ? {} : { row: error.row }), ...error.details });
}

/**
 * Starts parsing a spooled upload and reads on until the first row (or the end): a file that is
 * empty, not CSV, of an unknown format or broken before its first row is refused right away, with
 * the parser's code and message, before any job exists.
 */
export async function openImport(path: string, options: ParseExportOptions): Promise<OpenedImport> {
  let bytes = 0;
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  const counted = (async function* () {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      yield chunk;
    }
  })();
  let header: HeaderInfo | null = null;
  try {
    const parser = parseExport(counted, { ...options, onHeader: (info) => (header = info) });
    const first = await parser.next();
    const records = (async function* () {
      if (first.done) return;
      yield first.value;
      yield* parser;
    })();
    return {
      header,
      records,
      bytesRead: () => bytes,
      close: async () => {
        await parser.return(undefined);
        stream.destroy();
      },
    };
  } catch (error) {
    stream.destroy();
    throw toAppError(error);
  }
}
