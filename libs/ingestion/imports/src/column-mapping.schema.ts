import { Type, type Static } from 'typebox';

import { NetworkSchema } from '@herald/events';

import { METRIC_FIELDS } from './formats/export-format.ts';

export const IMPORT_TARGETS = ['posts', 'metrics', 'followers', 'mentions'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** The product fields a mapping may fill, per target. */
export const MAPPING_FIELDS = {
  posts: ['networkPostId', 'publishedAt', 'text', 'link', 'contentType', 'campaign', 'tags', ...METRIC_FIELDS],
  metrics: ['networkPostId', 'capturedAt', ...METRIC_FIELDS],
  followers: ['profileId', 'date', 'followers'],
  mentions: ['networkMentionId', 'occurredAt', 'text', 'author', 'kind', 'language', 'inReplyToPostId', 'repliedAt'],
} as const satisfies Record<ImportTarget, readonly string[]>;

/** Fields without which a row cannot become an item. */
export const REQUIRED_MAPPING_FIELDS = {
  posts: ['networkPostId', 'publishedAt'],
  metrics: ['networkPostId'],
  followers: ['date', 'followers'],
  mentions: ['networkMentionId', 'occurredAt', 'text'],
} as const satisfies Record<ImportTarget, readonly string[]>;

const HeaderName = Type.String({ minLength: 1, maxLength: 200 });

/**
 * How to read a CSV that is not a recognised native export: which column holds which product field. Sent as JSON by
 * the import UI, so it is validated like any other input.
 */
export const ColumnMappingSchema = Type.Object(
  {
    target: Type.Enum(IMPORT_TARGETS),
    columns: Type.Record(Type.String({ minLength: 1 }), Type.Union([HeaderName, Type.Array(HeaderName, { minItems: 1, maxItems: 10 })]), {
      description: 'Product field → CSV header (or headers, the first non-empty cell wins). Headers match without case, accents or punctuation.',
    }),
    dateFormat: Type.Optional(
      Type.Union([Type.String({ minLength: 1 }), Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })], {
        description: 'Date pattern(s) such as "DD/MM/YYYY HH:mm"; default ISO 8601',
      }),
    ),
    timeZone: Type.Optional(Type.String({ minLength: 1, description: 'IANA zone of dates written without an offset' })),
    network: Type.Optional(NetworkSchema),
    delimiter: Type.Optional(Type.Enum([',', ';', '\t', '|'])),
    decimalSeparator: Type.Optional(Type.Enum(['.', ','])),
    rowIdPrefix: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        pattern: '^\\S+$',
        description: 'For files with no id column: ids become <prefix><row>. Unique within the file only.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ColumnMapping = Static<typeof ColumnMappingSchema>;
