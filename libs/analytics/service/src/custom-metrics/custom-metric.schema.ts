import { Type } from 'typebox';

import { CUSTOM_KINDS } from '@herald/analytics-metrics';

export const CustomMetricParamsSchema = Type.Object(
  { name: Type.String({ pattern: '^[a-z][a-zA-Z0-9]{0,39}$', description: 'camelCase, e.g. earnedMedia; not a base metric name' }) },
  { additionalProperties: false },
);

export const CustomMetricBodySchema = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 120, description: 'How reports name it, e.g. "Earned media value"' }),
    formula: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'Base metrics, numbers, + - * / and parentheses, e.g. "(shares * 2 + comments) * 0.35"',
    }),
    kind: Type.Union(
      CUSTOM_KINDS.map((k) => Type.Literal(k)),
      { description: 'count: changes in percent; rate: a ratio, changes in pp; score: changes in pts' },
    ),
    description: Type.Optional(Type.String({ maxLength: 1000, description: 'What it means and why the team tracks it' })),
  },
  { additionalProperties: false },
);

export const CustomMetricSchema = Type.Object({
  name: Type.String(),
  label: Type.String(),
  formula: Type.String(),
  kind: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  metrics: Type.Array(Type.String(), { description: 'The base metrics it reads' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const CustomMetricListSchema = Type.Object({ workspaceId: Type.String(), metrics: Type.Array(CustomMetricSchema) });
