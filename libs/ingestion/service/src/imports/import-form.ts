import type { ParseExportOptions } from '@herald/ingestion-imports';
import { AppError } from '@herald/service-kit';

import { IMPORT_ENCODINGS, IMPORT_FORMATS } from '../api/import.schema.ts';

export type ImportOptions = Pick<ParseExportOptions, 'format' | 'mapping' | 'timeZone' | 'encoding'>;

const invalid = (field: string, message: string) => new AppError('IMPORT_INVALID_OPTIONS', message, 400, { field });

function oneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw invalid(field, `${field} must be one of ${allowed.join(', ')}; got "${value}"`);
  return value as T;
}

/** The form fields as parser options; the parser checks the rest (the mapping's content, the zone's name). */
export function importOptionsOf(fields: Record<string, string>): ImportOptions {
  const format = oneOf('format', fields['format'] || 'auto', IMPORT_FORMATS);
  const options: ImportOptions = { format, encoding: oneOf('encoding', fields['encoding'] || 'auto', IMPORT_ENCODINGS) };
  if (fields['mapping']) {
    if (format !== 'auto') throw invalid('format', `A column mapping reads the file by itself: leave format out (got "${format}")`);
    try {
      options.mapping = JSON.parse(fields['mapping']) as ParseExportOptions['mapping'];
    } catch (error) {
      throw invalid('mapping', `mapping is not valid JSON: ${(error as Error).message}`);
    }
    options.format = 'mapping';
  }
  if (fields['timeZone']) options.timeZone = fields['timeZone'];
  return options;
}
