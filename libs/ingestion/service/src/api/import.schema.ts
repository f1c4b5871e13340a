import { Type, type Static } from 'typebox';

import { literalUnion } from '@herald/events';

export const IMPORT_FORMATS = ['auto', 'x', 'facebook', 'instagram', 'linkedin', 'tiktok'] as const;
export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export const IMPORT_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
/** Rejections kept on a job for display; `rejectedCount` has them all. */
export const MAX_JOB_REJECTIONS = 1000;

/** The multipart form of POST /v1/imports, for the API document; the parts are checked as they stream in. */
export const ImportFormSchema = Type.Object({
  file: Type.String({ format: 'binary', description: 'The CSV export, sent last (after the other fields)' }),
  format: Type.Optional(literalUnion(IMPORT_FORMATS, { description: 'The export to expect; auto (default) recognises it from the header' })),
  mapping: Type.Optional(Type.String({ description: 'A column mapping as JSON, for CSV files that are no native export (see the imports README)' })),
  timeZone: Type.Optional(Type.String({ description: 'IANA zone for dates written without an offset (default UTC)' })),
  encoding: Type.Optional(
    literalUnion(IMPORT_ENCODINGS, { description: 'auto (default): UTF-8, or UTF-16 with a byte-order mark; windows-1252 reads files saved as Latin-1' }),
  ),
});

export const ImportRejectionSchema = Type.Object({
  row: Type.Integer({ description: 'CSV record number, the header being row 1' }),
  reason: Type.String(),
  field: Type.Optional(Type.String()),
});
export type ImportRejection = Static<typeof ImportRejectionSchema>;

export const ImportJobSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  state: literalUnion(IMPORT_STATES),
  fileName: Type.Union([Type.String(), Type.Null()]),
  format: Type.Union([Type.String(), Type.Null()], { description: 'The export recognised, e.g. x-tweet-activity v1' }),
  bytesTotal: Type.Union([Type.Integer(), Type.Null()]),
  bytesRead: Type.Integer({ description: 'Bytes of the file parsed so far' }),
  rowsRead: Type.Integer({ description: 'Data rows read so far (blank rows not counted)' }),
  accepted: Type.Integer({ description: 'New or changed items stored and queued for publication' }),
  duplicates: Type.Integer({ description: 'Rows repeating an item already in the file or in the store' }),
  rejectedCount: Type.Integer(),
  rejected: Type.Array(ImportRejectionSchema, { description: `The first ${MAX_JOB_REJECTIONS} rejected rows` }),
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type ImportJobView = Static<typeof ImportJobSchema>;

export const ImportJobParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });
