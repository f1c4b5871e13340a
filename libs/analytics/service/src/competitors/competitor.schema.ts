import { Type } from 'typebox';

import { MetricsSchema, PeriodQuery } from '../api/summary.schema.ts';

export const CompetitorProfileParamsSchema = Type.Object(
  {
    network: Type.String({ minLength: 1, maxLength: 64 }),
    profileId: Type.String({ minLength: 1, maxLength: 200, description: "The profile's id on the network, as posts carry it" }),
  },
  { additionalProperties: false },
);

export const CompetitorBodySchema = Type.Object(
  { competitor: Type.String({ minLength: 1, maxLength: 200, description: 'Whose profile it is, e.g. "Rival Inc"; their profiles are reported together' }) },
  { additionalProperties: false },
);

export const CompetitorProfileSchema = Type.Object({
  network: Type.String(),
  profileId: Type.String(),
  competitor: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const CompetitorProfilesSchema = Type.Object({ workspaceId: Type.String(), profiles: Type.Array(CompetitorProfileSchema) });

export const SIDE_BY_SIDE_METRICS = [
  'posts',
  'impressions',
  'engagements',
  'engagementRate',
  'followers',
  'followerGrowth',
  'followerGrowthRate',
  'engagementRateByFollowers',
] as const;

export const CompetitorCompareQuerySchema = Type.Object(PeriodQuery, { additionalProperties: false });

export const CompetitorCompareSchema = Type.Object({
  workspaceId: Type.String(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  rows: Type.Array(
    Type.Object({
      name: Type.String({ description: '"own" for the workspace own profiles, else the competitor' }),
      own: Type.Boolean(),
      ...Object.fromEntries(SIDE_BY_SIDE_METRICS.map((m) => [m, MetricsSchema.properties[m]!])),
    }),
  ),
  note: Type.String(),
});
