import { Type } from 'typebox';

import { AlertKindSchema } from '@herald/events';

import { IntentSchema } from './mentions.schema.ts';

export const SummaryQuerySchema = Type.Object(
  {
    from: Type.String({ description: 'Inclusive: YYYY-MM-DD (UTC) or ISO timestamp' }),
    to: Type.String({ description: 'Exclusive: YYYY-MM-DD (UTC) or ISO timestamp; at most 366 days after from' }),
  },
  { additionalProperties: false },
);

const nullableNumber = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });

const SentimentSplitSchema = Type.Object({
  positive: Type.Integer(),
  neutral: Type.Integer(),
  negative: Type.Integer(),
  averageScore: nullableNumber('Mean score of the scored mentions, in [-1, 1]'),
  netSentiment: nullableNumber('(positive − negative) / scored mentions'),
});

const TopicSchema = Type.Object({ term: Type.String(), mentions: Type.Integer(), share: Type.Number() });

export const ListeningSummarySchema = Type.Object(
  {
    workspaceId: Type.String(),
    from: Type.String({ format: 'date-time' }),
    to: Type.String({ format: 'date-time' }),
    mentions: Type.Integer({ description: 'Mentions in the period' }),
    unscored: Type.Integer({ description: 'Mentions whose language cannot be scored (no sentiment)' }),
    sentiment: Type.Object({ ...SentimentSplitSchema.properties }, { description: 'Counts are of scored mentions' }),
    days: Type.Array(Type.Object({ date: Type.String({ format: 'date' }), mentions: Type.Integer(), ...SentimentSplitSchema.properties }), {
      description: 'Every UTC day the period touches, days without mentions included',
    }),
    topTopics: Type.Array(TopicSchema, { description: "Terms by mentions holding them (brands' own keywords left out)" }),
    trendingTopics: Type.Array(
      Type.Object({
        term: Type.String(),
        mentions: Type.Integer(),
        previousMentions: Type.Integer(),
        expected: Type.Number(),
        lift: Type.Number(),
        score: Type.Number(),
      }),
      { description: 'Terms rising against the previous period of the same length' },
    ),
    keywordsByDay: Type.Array(
      Type.Object({
        date: Type.String({ format: 'date' }),
        mentions: Type.Integer(),
        keywords: Type.Array(Type.Object({ term: Type.String(), mentions: Type.Integer(), tfidf: Type.Number() })),
      }),
      { description: 'The TF-IDF keywords that set each day apart (days with mentions)' },
    ),
    intents: Type.Array(Type.Object({ intent: IntentSchema, mentions: Type.Integer(), share: Type.Number() }), {
      description: 'Every intent; shares are of the classified mentions',
    }),
    shareOfVoice: Type.Object({
      matchedMentions: Type.Integer({ description: 'Mentions naming at least one brand' }),
      brands: Type.Array(
        Type.Object({
          id: Type.String(),
          name: Type.String(),
          kind: Type.Union([Type.Literal('own'), Type.Literal('competitor')]),
          mentions: Type.Integer(),
          share: Type.Number({ description: "Of all brands' mentions" }),
          sentiment: SentimentSplitSchema,
        }),
      ),
    }),
    alerts: Type.Array(
      Type.Object({
        id: Type.String(),
        kind: AlertKindSchema,
        bucketStart: Type.String({ format: 'date-time' }),
        bucketEnd: Type.String({ format: 'date-time' }),
        observed: Type.Number(),
        baseline: Type.Number(),
        score: Type.Number(),
        mentions: Type.Integer(),
      }),
      { description: 'Spikes whose bucket starts in the period' },
    ),
  },
  { additionalProperties: false },
);
