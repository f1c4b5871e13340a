export const IMPORT_ERROR_CODES = [
  'IMPORT_EMPTY',
  'IMPORT_NOT_CSV',
  'IMPORT_UNKNOWN_FORMAT',
  'IMPORT_MALFORMED',
  'IMPORT_ENCODING',
  'IMPORT_INVALID_OPTIONS',
  'IMPORT_DUPLICATE_COLUMNS',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/**
 * A problem with the file (or the options) as a whole: nothing after it can be trusted, so parsing stops.
 * Problems confined to one row are yielded as `rejected` records instead.
 */
export class ImportError extends Error {
  readonly retriable = false;
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    /** 1-based CSV record number (the header is row 1), when the problem has a place in the file. */
    readonly row?: number,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(row === undefined ? message : `Row ${row}: ${message}`);
    this.name = 'ImportError';
  }

  /** The same error located at a row; decoding finds bad bytes before the CSV parser knows which row they are in. */
  atRow(row: number): ImportError {
    return this.row === undefined ? new ImportError(this.code, this.message, row, this.details) : this;
  }
}

/** Checks the code rather than the class: codes survive serialisation and Kafka hops, `instanceof` does not. */
export function isImportError(error: unknown): error is ImportError {
  return typeof error === 'object' && error !== null && IMPORT_ERROR_CODES.includes((error as { code?: unknown }).code as ImportErrorCode);
}
