import { Type, type Static } from 'typebox';

export const SummaryQuerySchema = Type.Object(
  {
    from: Type.String({ description: 'Inclusive: YYYY-MM-DD (UTC) or ISO timestamp' }),
    to: Type.String({ description: 'Exclusive: YYYY-MM-DD (UTC) or ISO timestamp' }),
  },
  { additionalProperties: false },
);

const nullableNumber = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });

export const SummarySchema = Type.Object(
  {
    workspaceId: Type.String(),
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
    posts: Type.Integer({ description: 'Posts published in the period' }),
    impressions: Type.Integer({ description: "Sum of each post's latest impressions" }),
    engagements: Type.Integer({ description: "Sum of each post's latest engagements" }),
    engagementRate: nullableNumber('engagements / impressions; null without impressions'),
    mentions: Type.Integer({ description: 'Mentions, comments and messages received in the period' }),
    averageSentiment: nullableNumber('Mean sentiment score in [-1, 1] of the scored mentions'),
  },
  { additionalProperties: false },
);
export type Summary = Static<typeof SummarySchema>;
