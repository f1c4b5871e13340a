import { Type, type Static, type TObject } from 'typebox';

import { FollowerCountSchema, MentionSchema, MetricsSnapshotSchema, NetworkIdSchema, NetworkSchema, PostSchema } from '@herald/events';

export const MAX_BATCH_ITEMS = 10_000;

/** A post as a batch item: the post's fields with an optional snapshot of its metrics. */
export const PostItemSchema = Type.Object({ ...PostSchema.properties, metrics: Type.Optional(MetricsSnapshotSchema) }, { additionalProperties: false });
export type PostItem = Static<typeof PostItemSchema>;

/** A reading of a post's counters; the post must have been sent before (POST /v1/posts:batch). */
export const MetricsItemSchema = Type.Object(
  { network: NetworkSchema, networkPostId: NetworkIdSchema, metrics: MetricsSnapshotSchema },
  { additionalProperties: false },
);
export type MetricsItem = Static<typeof MetricsItemSchema>;

export const FollowersItemSchema = Type.Object({ ...FollowerCountSchema.properties }, { additionalProperties: false });
export type FollowersItem = Static<typeof FollowersItemSchema>;

export const MentionItemSchema = Type.Object({ ...MentionSchema.properties }, { additionalProperties: false });
export type MentionItem = Static<typeof MentionItemSchema>;

/**
 * The item as the API document shows it: fields with a default are optional to send. (The
 * schemas above list them as required because validation fills them in first.)
 */
export function documentedItem<T extends TObject>(schema: T): T {
  const required = (schema.required ?? []).filter((key) => !('default' in (schema.properties[key] as object)));
  return { ...schema, required };
}

/** Items are validated one by one (not by the route) so one bad item does not sink the batch. */
export const BatchBodySchema = Type.Object({ items: Type.Array(Type.Unknown(), { minItems: 1, maxItems: MAX_BATCH_ITEMS }) }, { additionalProperties: false });

export const BatchQuerySchema = Type.Object({
  atomic: Type.Optional(Type.Boolean({ default: false, description: 'Refuse the whole batch when any item is invalid' })),
});

export const IdempotencyHeadersSchema = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 255,
      description: 'A repeated request with the same key gets the first answer again without the work being redone (kept 24 hours, per workspace)',
    }),
  ),
});

export const RejectionSchema = Type.Object({
  index: Type.Integer({ description: 'Position of the item in items[]' }),
  field: Type.String({ description: 'Path of the offending field inside the item, or "" for the item itself' }),
  reason: Type.String(),
});
export type Rejection = Static<typeof RejectionSchema>;

export const BatchResultSchema = Type.Object(
  {
    accepted: Type.Integer({ description: 'New or changed items stored and queued for publication' }),
    duplicates: Type.Integer({
      description: 'Items identical to one already stored or earlier in the batch; metrics not newer than the newest reading stored',
    }),
    rejected: Type.Array(RejectionSchema),
  },
  {},
);
export type BatchResult = Static<typeof BatchResultSchema>;
