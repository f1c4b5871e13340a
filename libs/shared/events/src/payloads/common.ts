import { Type, type Static, type TLiteral, type TSchemaOptions, type TUnion } from 'typebox';

type LiteralsOf<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };

/** One of a fixed list of strings, typed as the union of the values. */
export function literalUnion<const T extends readonly string[]>(values: T, options?: TSchemaOptions): TUnion<LiteralsOf<T>> {
  // The mapped array is that tuple at run time; TypeScript cannot see it through map().
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  ) as unknown as TUnion<LiteralsOf<T>>;
}

export const NETWORKS = ['x', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'threads', 'other'] as const;
export const NetworkSchema = literalUnion(NETWORKS);
export type Network = Static<typeof NetworkSchema>;

/** An id as the network gives it: opaque text, never a number (X ids overflow doubles). */
export const NetworkIdSchema = Type.String({ minLength: 1, maxLength: 128, pattern: '^\\S+$' });

/**
 * The years every date and timestamp of an event must fall in: 1970 to 2099. Checked at the edge
 * (ingestion refuses the item, naming the field) because every store holds them: PostgreSQL has
 * no year 0 and JavaScript dates of year −6060 reach it as text it cannot read. A pattern, so that
 * the one schema carries the rule to Fastify, TypeBox and the API document alike.
 */
export const DATE_RANGE = { firstYear: 1970, lastYear: 2099 } as const;
export const DATE_YEAR_PATTERN = '^(19[7-9][0-9]|20[0-9][0-9])-';
export const DATE_RANGE_HINT = `must be in the years ${DATE_RANGE.firstYear} to ${DATE_RANGE.lastYear}`;

export const Timestamp = Type.String({
  format: 'date-time',
  pattern: DATE_YEAR_PATTERN,
  description: `ISO 8601 with offset, years ${DATE_RANGE.firstYear}–${DATE_RANGE.lastYear}; stored in UTC.`,
});

/** A calendar day, YYYY-MM-DD, in the same years as Timestamp. */
export const CalendarDate = Type.String({
  format: 'date',
  pattern: DATE_YEAR_PATTERN,
  description: `YYYY-MM-DD, years ${DATE_RANGE.firstYear}–${DATE_RANGE.lastYear}`,
});

/**
 * The largest counter an event may carry: JSON numbers are doubles, and above 2^53 − 1 two
 * different counts read as the same number. Stores keep counters in 64-bit integers (BigInt).
 */
export const COUNTER_MAX = Number.MAX_SAFE_INTEGER;

/** A count of something: a whole number from 0 to COUNTER_MAX. */
export const Counter = (options: { description?: string } = {}) => Type.Integer({ minimum: 0, maximum: COUNTER_MAX, ...options });

/** Links people click in a report: http or https only (never javascript:, data:, file:). */
export const LINK_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://';
export const WebLink = (options: { maxLength: number; description?: string }) => Type.String({ format: 'uri', pattern: LINK_PATTERN, ...options });
