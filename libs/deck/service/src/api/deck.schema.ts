import { literalUnion } from '@herald/events';
import { Type } from 'typebox';

export const AUDIENCES = ['executive', 'marketing', 'product', 'sales', 'company'] as const;

export const CreateDeckBodySchema = Type.Object(
  {
    from: Type.String({ format: 'date', description: 'First day of the period (inclusive, UTC)' }),
    to: Type.String({ format: 'date', description: 'Day after the period (exclusive, UTC)' }),
    audience: literalUnion(AUDIENCES, { default: 'executive' }),
  },
  { additionalProperties: false },
);

export const DeckInfoSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  workspaceId: Type.String(),
  title: Type.String(),
  audience: Type.String(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  createdAt: Type.String({ format: 'date-time' }),
  url: Type.String({ description: 'The deck with a read key (x-api-key): GET this path' }),
});

export const CreatedDeckSchema = Type.Object({
  ...DeckInfoSchema.properties,
  shareUrl: Type.String({
    description:
      'Opens the deck in a browser without a key; shown only here (only a hash of its token is kept). Absolute when PUBLIC_URL is set, else a path on this service.',
  }),
});

export const DeckListQuerySchema = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }, { additionalProperties: false });

export const ShareTokenParamsSchema = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }) }, { additionalProperties: false });

export const DeckIdParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });
