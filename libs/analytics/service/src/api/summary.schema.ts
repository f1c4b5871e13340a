import { Type, type Static, type TSchema } from 'typebox';

import { METRIC_DEFINITIONS, METRIC_NAMES, POST_METRICS } from '@herald/analytics-metrics';

export const PeriodQuery = {
  from: Type.String({ description: 'Inclusive: YYYY-MM-DD (midnight in timeZone) or an ISO timestamp with an offset' }),
  to: Type.String({ description: 'Exclusive: YYYY-MM-DD (midnight in timeZone) or an ISO timestamp with an offset' }),
  timeZone: Type.Optional(Type.String({ description: 'IANA zone the calendar dates, buckets and weekdays are read in (default UTC)', maxLength: 64 })),
  network: Type.Optional(Type.String({ description: "Only this network's posts, mentions and followers", maxLength: 64 })),
};

export const ComparisonQuery = {
  compare: Type.Optional(
    Type.Union([Type.Literal('previous'), Type.Literal('year'), Type.Literal('none')], {
      description:
        'previous: the previous calendar period of the same kind (February → January; a custom range → the same length right before); year: the same period a year earlier',
    }),
  ),
  againstFrom: Type.Optional(
    Type.String({ description: 'Compare against this range instead (inclusive; with againstTo): any period, e.g. the week before a launch' }),
  ),
  againstTo: Type.Optional(Type.String({ description: 'Exclusive end of the range compared against' })),
};

export const SummaryQuerySchema = Type.Object({ ...PeriodQuery, ...ComparisonQuery }, { additionalProperties: false });

const nullable = (schema: TSchema, description: string) => Type.Union([schema, Type.Null()], { description });

const metricProperty = (name: (typeof METRIC_NAMES)[number]) => {
  const d = METRIC_DEFINITIONS[name];
  const description = `${d.label}: ${d.formula}`;
  return d.kind === 'count' && (name === 'posts' || name === 'impressions' || name === 'engagements' || name === 'mentions' || name === 'inboundMessages')
    ? Type.Number({ description })
    : nullable(Type.Number(), `${description}; null when missing`);
};

export const MetricsSchema = Type.Object(Object.fromEntries(METRIC_NAMES.map((name) => [name, metricProperty(name)])), { additionalProperties: false });

const PeriodSchema = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  label: Type.String({ description: 'The period in words' }),
});

export const ChangeSchema = Type.Object({
  current: nullable(Type.Number(), 'This period'),
  previous: nullable(Type.Number(), 'The period compared against'),
  absolute: nullable(Type.Number(), 'current − previous'),
  relative: nullable(Type.Number(), 'Counts: (current − previous) ÷ previous; null for rates and scores'),
  points: nullable(Type.Number(), 'Rates and scores: the change ×100, in percentage points (pp) or points (pts)'),
  unit: Type.Union([Type.Literal('percent'), Type.Literal('pp'), Type.Literal('pts')]),
  notable: Type.Union([Type.Boolean(), Type.Null()], { description: 'Beyond normal variation (see variationRule); null when not judged' }),
  threshold: nullable(Type.Number(), 'The size of change that counts as beyond normal variation, in the metric unit'),
});

export const SummarySchema = Type.Object(
  {
    workspaceId: Type.String(),
    timeZone: Type.String(),
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
    label: Type.String({ description: 'The period in words, e.g. "February 2026"' }),
    kind: Type.String({ description: 'day, week (ISO), month, quarter, year or custom' }),
    ...MetricsSchema.properties,
    custom: Type.Record(Type.String(), nullable(Type.Number(), 'null when a metric it reads is missing'), {
      description: "The workspace's custom metrics (GET /v1/analytics/custom-metrics), by name",
    }),
    sentiment: Type.Object({ scored: Type.Integer(), positive: Type.Integer(), neutral: Type.Integer(), negative: Type.Integer() }),
    readingRule: Type.String({ description: 'How post counters are read, so periods compare like with like' }),
    comparison: Type.Optional(
      Type.Object({
        against: Type.Union([Type.Literal('previous'), Type.Literal('year'), Type.Literal('custom')]),
        period: PeriodSchema,
        changes: Type.Object(Object.fromEntries(METRIC_NAMES.map((n) => [n, ChangeSchema])), { additionalProperties: false }),
        customChanges: Type.Record(Type.String(), ChangeSchema, { description: 'The custom metrics changes, by name (not judged for variation)' }),
        variationRule: Type.String({ description: 'How a change is judged to be beyond normal variation' }),
      }),
    ),
  },
  { additionalProperties: false },
);
export type Summary = Static<typeof SummarySchema>;

export const TimeseriesQuerySchema = Type.Object(
  {
    ...PeriodQuery,
    interval: Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')], {
      description: 'Calendar buckets in timeZone (weeks are ISO, Monday first)',
    }),
  },
  { additionalProperties: false },
);

export const TimeseriesSchema = Type.Object({
  workspaceId: Type.String(),
  timeZone: Type.String(),
  interval: Type.String(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  buckets: Type.Array(
    Type.Object({
      start: Type.String({ description: 'Local date the bucket starts on (YYYY-MM-DD); the first and last are clipped to the period' }),
      ...MetricsSchema.properties,
      custom: Type.Record(Type.String(), nullable(Type.Number(), 'null when missing'), { description: 'The custom metrics, by name' }),
    }),
  ),
});

export const BreakdownQuerySchema = Type.Object(
  {
    ...PeriodQuery,
    by: Type.Union(
      ['network', 'profile', 'content-type', 'tag', 'campaign', 'length'].map((v) => Type.Literal(v)),
      {
        description: 'The dimension; a post with several tags counts under each; length: short (< 80 characters), medium (80–199), long (200+)',
      },
    ),
  },
  { additionalProperties: false },
);

const rowMetric = (name: (typeof METRIC_NAMES)[number]) => MetricsSchema.properties[name]!;

/** The post metrics a breakdown row carries, in the order CSV columns show them. */
export const BREAKDOWN_COLUMNS = POST_METRICS;
export const BreakdownSchema = Type.Object({
  workspaceId: Type.String(),
  by: Type.String(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  rows: Type.Array(
    Type.Object({
      key: nullable(Type.String(), "The group's value; null for posts without one"),
      ...Object.fromEntries(BREAKDOWN_COLUMNS.map((n) => [n, rowMetric(n)])),
    }),
  ),
});

export const BestTimesSchema = Type.Object({
  workspaceId: Type.String(),
  timeZone: Type.String(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  cells: Type.Array(
    Type.Object({
      weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday in timeZone, Monday = 1' }),
      hour: Type.Integer({ minimum: 0, maximum: 23 }),
      posts: Type.Integer(),
      impressions: Type.Number(),
      engagements: Type.Number(),
      engagementRate: nullable(Type.Number(), 'Σ engagements ÷ Σ impressions of the posts published in the cell'),
    }),
  ),
});

const DefinitionSchema = Type.Object({
  name: Type.String(),
  label: Type.String(),
  kind: Type.String(),
  formula: Type.String(),
  sources: Type.Array(Type.String()),
  caveats: Type.Optional(Type.String()),
});

export const MetricDefinitionsSchema = Type.Object({
  settlingDays: Type.Integer(),
  custom: Type.Array(DefinitionSchema, { description: "The workspace's custom metrics: sources are the base metrics the formula reads" }),
  metrics: Type.Array(DefinitionSchema),
});
