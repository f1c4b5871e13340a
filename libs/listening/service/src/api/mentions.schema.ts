import { Type } from 'typebox';

export const MentionsQuerySchema = Type.Object(
  {
    workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
    label: Type.Optional(Type.Union([Type.Literal('negative'), Type.Literal('neutral'), Type.Literal('positive')])),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Text search (case-insensitive)' })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    cursor: Type.Optional(Type.String({ description: 'Opaque cursor from the previous page' })),
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
});

export const MentionsPageSchema = Type.Object({
  items: Type.Array(AnalyzedMentionSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
