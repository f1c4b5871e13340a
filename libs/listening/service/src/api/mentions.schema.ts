import { Type } from 'typebox';

import { literalUnion } from '@herald/events';
import { INTENTS } from '@herald/listening-intents';

const Uuid = (description: string) => Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', description });

export const IntentSchema = literalUnion(INTENTS);

export const MentionsQuerySchema = Type.Object(
  {
    label: Type.Optional(Type.Union([Type.Literal('negative'), Type.Literal('neutral'), Type.Literal('positive')])),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$' })),
    intent: Type.Optional(IntentSchema),
    brand: Type.Optional(Uuid('Only mentions naming this brand (its id)')),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Text search (case-insensitive)' })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    cursor: Type.Optional(Uuid('Opaque cursor from the previous page')),
  },
  { additionalProperties: false },
);

export const AnalyzedMentionSchema = Type.Object({
  network: Type.String(),
  networkMentionId: Type.String(),
  text: Type.String(),
  occurredAt: Type.String({ format: 'date-time' }),
  language: Type.String(),
  score: Type.Number(),
  label: Type.String(),
  scored: Type.Boolean(),
  drivers: Type.Array(Type.String()),
  intent: Type.Union([IntentSchema, Type.Null()], { description: 'Null for mentions analysed before intents existed' }),
  intentConfidence: Type.Union([Type.Number(), Type.Null()]),
  topics: Type.Array(Type.String(), { description: 'Keywords and key phrases of the mention' }),
  brandIds: Type.Array(Type.String(), { description: 'Brands (own and competitors) the mention names' }),
});

export const MentionsPageSchema = Type.Object({
  items: Type.Array(AnalyzedMentionSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
