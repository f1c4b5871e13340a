import { Type, type TSchema } from 'typebox';

import { POST_METRICS } from '@herald/analytics-metrics';

import { MetricsSchema, PeriodQuery, ComparisonQuery } from './summary.schema.ts';

const nullable = (schema: TSchema, description: string) => Type.Union([schema, Type.Null()], { description });

const postMetric = (description: string) =>
  Type.Union(
    POST_METRICS.map((m) => Type.Literal(m)),
    { description },
  );

export const TopPostsQuerySchema = Type.Object(
  {
    ...PeriodQuery,
    metric: Type.Optional(postMetric('The metric posts are ranked by (default engagements)')),
    order: Type.Optional(Type.Union([Type.Literal('top'), Type.Literal('bottom')], { description: 'top: highest first (default); bottom: lowest first' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'How many posts (default 10)' })),
  },
  { additionalProperties: false },
);

const postMetrics = Object.fromEntries(POST_METRICS.filter((m) => m !== 'posts').map((m) => [m, MetricsSchema.properties[m]!]));

export const TopPostsSchema = Type.Object({
  workspaceId: Type.String(),
  metric: Type.String(),
  order: Type.String(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  rule: Type.String({ description: 'Which posts are ranked' }),
  posts: Type.Array(
    Type.Object({
      id: Type.String({ description: "The network's id of the post" }),
      network: Type.String(),
      profileId: nullable(Type.String(), 'The profile that posted it'),
      publishedAt: Type.String({ format: 'date-time' }),
      contentType: Type.String(),
      tags: Type.Array(Type.String()),
      campaign: nullable(Type.String(), 'Its campaign'),
      text: Type.String({ description: 'The first 280 characters' }),
      link: nullable(Type.String(), 'Its link'),
      value: Type.Number({ description: 'The metric it is ranked by' }),
      ...postMetrics,
    }),
  ),
});

export const CONTRIBUTOR_DIMENSIONS = ['network', 'profile', 'content-type', 'tag', 'campaign', 'length', 'post'] as const;

export const ContributorsQuerySchema = Type.Object(
  {
    ...PeriodQuery,
    ...ComparisonQuery,
    metric: Type.Optional(postMetric('The metric whose change is split (default engagements)')),
    by: Type.Union(
      CONTRIBUTOR_DIMENSIONS.map((d) => Type.Literal(d)),
      { description: 'The groups the change is split between; post: each post of either period (counts only)' },
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: 'Drivers and detractors each (default 5)' })),
  },
  { additionalProperties: false },
);

const ContributionSchema = Type.Object({
  key: nullable(Type.String(), 'The group (network:id for a post); null for posts without one'),
  label: Type.Optional(Type.String({ description: 'A post: the start of its text' })),
  current: nullable(Type.Number(), "The group's own value this period (its own rate, for a rate)"),
  previous: nullable(Type.Number(), "The group's own value in the period compared against"),
  contribution: Type.Number({ description: "The group's part of the total change, in the metric's unit (a ratio for rates)" }),
  share: nullable(Type.Number(), 'contribution ÷ total change; null when the total did not change'),
});

export const ContributorsSchema = Type.Object({
  workspaceId: Type.String(),
  metric: Type.String(),
  unit: Type.Union([Type.Literal('percent'), Type.Literal('pp')], { description: 'percent: a count; pp: a rate, its change ×100 in percentage points' }),
  by: Type.String(),
  period: Type.Object({ from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }), label: Type.String() }),
  against: Type.Object({
    against: Type.Union([Type.Literal('previous'), Type.Literal('year'), Type.Literal('custom')]),
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
    label: Type.String(),
  }),
  total: Type.Object({
    current: nullable(Type.Number(), 'This period'),
    previous: nullable(Type.Number(), 'The period compared against'),
    change: nullable(Type.Number(), 'current − previous'),
  }),
  drivers: Type.Array(ContributionSchema, { description: 'Groups that moved the metric the way it went, largest first' }),
  detractors: Type.Array(ContributionSchema, { description: 'Groups that moved it the other way, largest first' }),
  rule: Type.String({ description: 'How the change is split' }),
  readingRule: Type.String(),
});

export const PERFORMANCE_DIMENSIONS = ['content-type', 'tag', 'length', 'hour', 'weekday', 'network', 'campaign'] as const;

export const ContentPerformanceQuerySchema = Type.Object(
  {
    ...PeriodQuery,
    by: Type.Union(
      PERFORMANCE_DIMENSIONS.map((d) => Type.Literal(d)),
      { description: 'content-type, tag, length (short < 80 characters, medium 80–199, long 200+), hour or weekday of posting in the zone, network, campaign' },
    ),
    metric: Type.Optional(
      postMetric('Ranked by (default engagementRate); counts are ranked per post. hour and weekday take posts, impressions, engagements or engagementRate'),
    ),
    minPosts: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Groups with fewer posts are not ranked (default 5)' })),
  },
  { additionalProperties: false },
);

export const ContentPerformanceSchema = Type.Object({
  workspaceId: Type.String(),
  by: Type.String(),
  metric: Type.String(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  minPosts: Type.Integer(),
  baseline: nullable(Type.Number(), 'The whole period: its rate, or per post for a count'),
  rows: Type.Array(
    Type.Object({
      key: nullable(Type.String(), 'The group; null for posts without one'),
      posts: Type.Integer(),
      value: nullable(Type.Number(), "The group's rate, or its total per post for a count"),
      lift: nullable(Type.Number(), 'value ÷ baseline − 1'),
    }),
    { description: 'Groups with at least minPosts posts, best first' },
  ),
  tooFew: Type.Array(Type.Object({ key: nullable(Type.String(), 'The group'), posts: Type.Integer() }), {
    description: 'Groups left out for having fewer posts',
  }),
  rule: Type.String(),
});
