import { literalUnion } from '@herald/events';
import { Type } from 'typebox';

export const AUDIENCES = ['executive', 'marketing', 'product', 'sales', 'company'] as const;

export const CreateDeckBodySchema = Type.Object(
  {
    workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
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
  url: Type.String({ description: 'Where the deck opens in a browser' }),
});

export const DeckListQuerySchema = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const DeckIdParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });
