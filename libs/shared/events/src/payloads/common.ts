import { Type, type Static, type TSchemaOptions } from 'typebox';

/** One of a fixed list of strings, typed as the union of the values. */
export function literalUnion<const T extends readonly string[]>(values: T, options?: TSchemaOptions) {
  return Type.Enum([...values] as [...T], options);
}

export const NETWORKS = ['x', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'threads', 'other'] as const;
export const NetworkSchema = literalUnion(NETWORKS);
export type Network = Static<typeof NetworkSchema>;

/** An id as the network gives it: opaque text, never a number (X ids overflow doubles). */
export const NetworkIdSchema = Type.String({ minLength: 1, maxLength: 128, pattern: '^\\S+$' });

export const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 with offset; stored in UTC.' });
