import { Type, type Static, type TSchema } from 'typebox';

import { GOAL_STATUSES, METRIC_NAMES } from '@herald/analytics-metrics';

const nullable = (schema: TSchema, description: string) => Type.Union([schema, Type.Null()], { description });

export const GoalBodySchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'What the team calls it, e.g. "March engagement"' })),
    metric: Type.Union(
      METRIC_NAMES.map((n) => Type.Literal(n)),
      { description: 'A base metric (GET /v1/analytics/metrics lists them)' },
    ),
    target: Type.Number({
      description: 'The value to reach: a total over the period for counts, the level to be at by its end for followers, rates, scores and response time',
    }),
    from: Type.String({ description: 'Inclusive: YYYY-MM-DD (midnight in timeZone) or an ISO timestamp with an offset' }),
    to: Type.String({ description: 'Exclusive: YYYY-MM-DD (midnight in timeZone) or an ISO timestamp with an offset' }),
    timeZone: Type.Optional(Type.String({ maxLength: 64, description: "IANA zone of the goal's days (default: the workspace's)" })),
    network: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "Only this network's posts, mentions and followers" })),
    campaign: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Only this campaign's posts (post metrics only)" })),
  },
  { additionalProperties: false },
);
export type GoalBody = Static<typeof GoalBodySchema>;

export const GoalIdParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const GoalAtQuerySchema = Type.Object(
  {
    at: Type.Optional(
      Type.String({ description: 'Judge the goals as of this instant (ISO timestamp with an offset, or YYYY-MM-DD at midnight in the zone); default now' }),
    ),
  },
  { additionalProperties: false },
);

export const GoalSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: nullable(Type.String(), 'What the team calls it'),
    metric: Type.String(),
    metricLabel: Type.String(),
    target: Type.Number(),
    period: Type.Object({
      from: Type.String({ format: 'date-time' }),
      to: Type.String({ format: 'date-time', description: 'Exclusive' }),
      label: Type.String({ description: 'The period in words' }),
      timeZone: Type.String(),
    }),
    network: nullable(Type.String(), 'Only this network'),
    campaign: nullable(Type.String(), 'Only this campaign'),
    at: Type.String({ format: 'date-time', description: 'The instant the progress is judged at' }),
    shape: Type.Union([Type.Literal('total'), Type.Literal('level')], {
      description: 'total: adds up over the period (counts); level: a value to be at by its end (followers, rates, scores, response time)',
    }),
    actual: nullable(Type.Number(), 'The metric so far (a level goal: its value now); null when missing'),
    progress: nullable(Type.Number(), 'Share of the target reached (a follower goal: share of the way from the start)'),
    expected: nullable(Type.Number(), 'Where the goal should be by now: weekday-aware when paceModel is weekday, else linear'),
    expectedLinear: nullable(Type.Number(), 'Where a steady pace would be by now'),
    expectedWeekday: nullable(Type.Number(), "Where the workspace's usual weekday rhythm would be by now (total goals with enough history)"),
    forecast: nullable(Type.Number(), "The period's end at the pace so far"),
    neededPerDay: nullable(Type.Number(), 'Still needed per remaining day (total goals not yet met)'),
    elapsedShare: Type.Number({ description: 'Share of the period passed' }),
    paceModel: Type.Union([Type.Literal('weekday'), Type.Literal('linear')]),
    status: Type.Union(
      [Type.Literal('upcoming'), Type.Literal('ahead'), Type.Literal('on-track'), Type.Literal('behind'), Type.Literal('met'), Type.Literal('missed')],
      {
        description: `One of ${GOAL_STATUSES.join(', ')}; rule says how it is decided`,
      },
    ),
    rule: Type.String({ description: 'How the status is decided' }),
    readingRule: Type.String({ description: 'How post counters are read' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type GoalView = Static<typeof GoalSchema>;

export const GoalListSchema = Type.Object({ workspaceId: Type.String(), at: Type.String({ format: 'date-time' }), goals: Type.Array(GoalSchema) });
