import { Type, type Static } from 'typebox';

export const NETWORKS = ['x', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'threads', 'other'] as const;
export const NetworkSchema = Type.Union(NETWORKS.map((n) => Type.Literal(n)));
export type Network = Static<typeof NetworkSchema>;

/** An id as the network gives it: opaque text, never a number (X ids overflow doubles). */
export const NetworkIdSchema = Type.String({ minLength: 1, maxLength: 128, pattern: '^\\S+$' });

export const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 with offset; stored in UTC.' });
