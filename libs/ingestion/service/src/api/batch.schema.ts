import { Type, type Static } from 'typebox';

import { MentionSchema, MetricsSnapshotSchema, PostSchema } from '@herald/events';

export const MAX_BATCH_ITEMS = 10_000;

/** A post as a batch item: the post's fields with an optional snapshot of its metrics. */
export const PostItemSchema = Type.Object(
  { ...PostSchema.properties, metrics: Type.Optional(MetricsSnapshotSchema) },
  { additionalProperties: false },
);
export type PostItem = Static<typeof PostItemSchema>;

export const MentionItemSchema = Type.Object({ ...MentionSchema.properties }, { additionalProperties: false });
export type MentionItem = Static<typeof MentionItemSchema>;

/** Items are validated one by one (not by the route) so one bad item does not sink the batch. */
export const BatchBodySchema = Type.Object(
  { items: Type.Array(Type.Unknown(), { minItems: 1, maxItems: MAX_BATCH_ITEMS }) },
  { additionalProperties: false },
);

export const BatchQuerySchema = Type.Object({
  atomic: Type.Boolean({ default: false, description: 'Refuse the whole batch when any item is invalid' }),
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
    duplicates: Type.Integer({ description: 'Items identical to one already stored or earlier in the batch' }),
    rejected: Type.Array(RejectionSchema),
  },
  {},
);
export type BatchResult = Static<typeof BatchResultSchema>;
