import { Type, type Static, type TLiteral, type TSchemaOptions, type TUnion } from 'typebox';

type LiteralsOf<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };

/** One of a fixed list of strings, typed as the union of the values. */
export function literalUnion<const T extends readonly string[]>(values: T, options?: TSchemaOptions): TUnion<LiteralsOf<T>> {
  // The mapped array is that tuple at run time; TypeScript cannot see it through map().
  return Type.Union(values.map((v) => Type.Literal(v)), options) as unknown as TUnion<LiteralsOf<T>>;
}

export const NETWORKS = ['x', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'threads', 'other'] as const;
export const NetworkSchema = literalUnion(NETWORKS);
export type Network = Static<typeof NetworkSchema>;

/** An id as the network gives it: opaque text, never a number (X ids overflow doubles). */
export const NetworkIdSchema = Type.String({ minLength: 1, maxLength: 128, pattern: '^\\S+$' });

export const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 with offset; stored in UTC.' });
