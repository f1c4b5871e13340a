import { Type, type Static } from 'typebox';

import { literalUnion, NetworkIdSchema, NetworkSchema, Timestamp } from './common.ts';

export const MENTION_KINDS = ['mention', 'comment', 'direct_message', 'review'] as const;

export const MentionSchema = Type.Object(
  {
    network: NetworkSchema,
    networkMentionId: NetworkIdSchema,
    kind: literalUnion(MENTION_KINDS, { default: 'mention' }),
    author: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    text: Type.String({ maxLength: 100_000 }),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$', description: 'ISO 639 code, when the source knows it' })),
    occurredAt: Timestamp,
    inReplyToPostId: Type.Optional(NetworkIdSchema),
    repliedAt: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type Mention = Static<typeof MentionSchema>;

export const MentionReceivedPayloadSchema = Type.Object({ mention: MentionSchema }, { additionalProperties: false });
export type MentionReceivedPayload = Static<typeof MentionReceivedPayloadSchema>;

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export const SentimentLabelSchema = literalUnion(SENTIMENT_LABELS);
export type SentimentLabel = Static<typeof SentimentLabelSchema>;

export const MentionAnalyzedPayloadSchema = Type.Object(
  {
    mention: MentionSchema,
    sentiment: Type.Object(
      {
        score: Type.Number({ minimum: -1, maximum: 1 }),
        label: SentimentLabelSchema,
        scored: Type.Boolean({ description: 'False when the language cannot be scored; score is then 0.' }),
        drivers: Type.Array(Type.String(), { maxItems: 50 }),
      },
      { additionalProperties: false },
    ),
    language: Type.String({ description: 'Detected or given language, or "und" when unknown' }),
    intent: Type.Optional(Type.String()),
    intentConfidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    topics: Type.Array(Type.String(), { default: [] }),
  },
  { additionalProperties: false },
);
export type MentionAnalyzedPayload = Static<typeof MentionAnalyzedPayloadSchema>;
