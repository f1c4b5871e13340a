import type { FastifyReply, FastifyRequest } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { Type, type TSchema } from 'typebox';

/**
 * Every table route answers JSON, or CSV when asked with `Accept: text/csv`, for the spreadsheet
 * a social manager pastes into a monthly report. Missing values are empty cells, never 0.
 */
export const wantsCsv = (request: FastifyRequest) => /\btext\/csv\b/i.test(request.headers.accept ?? '');

/** The 200 response of a table route: its JSON schema, and CSV text. */
export const tableResponse = (schema: TSchema, description: string) => ({
  description,
  content: { 'application/json': { schema }, 'text/csv': { schema: Type.String({ description: 'The same rows as CSV, a header line first' }) } },
});

type Cell = string | number | boolean | null | undefined;

export function sendCsv<Row extends object>(
  reply: FastifyReply,
  filename: string,
  rows: readonly Row[],
  columns: readonly (keyof Row & string)[],
): FastifyReply {
  const text = stringify(
    rows.map((row) => columns.map((c) => (row[c] as Cell) ?? '')),
    { header: true, columns: [...columns], cast: { boolean: (v) => (v ? 'true' : 'false') } },
  );
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}.csv"`).send(text);
}
