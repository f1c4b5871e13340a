import { Type, type Static } from 'typebox';

import { Counter, literalUnion, NetworkIdSchema, NetworkSchema, Timestamp, WebLink } from './common.ts';

export const CONTENT_TYPES = ['text', 'image', 'video', 'link', 'carousel', 'story', 'reel', 'live', 'other'] as const;

const count = (description: string) => Type.Optional(Counter({ description }));

/** One reading of a post's counters at a moment; the history is kept, the newest gives totals. */
export const MetricsSnapshotSchema = Type.Object(
  {
    capturedAt: Timestamp,
    impressions: count('Times the post was shown'),
    reach: count('Unique accounts reached'),
    engagements: count('All interactions, as the network counts them'),
    likes: count('Likes or reactions'),
    comments: count('Comments or replies'),
    shares: count('Shares, reposts or retweets'),
    saves: count('Saves or bookmarks'),
    linkClicks: count('Clicks on the link'),
    profileClicks: count('Clicks through to the profile'),
    videoViews: count('Video views'),
    watchTimeSeconds: count('Total watch time in seconds'),
  },
  { additionalProperties: false },
);
export type MetricsSnapshot = Static<typeof MetricsSnapshotSchema>;

export const PostSchema = Type.Object(
  {
    network: NetworkSchema,
    networkPostId: NetworkIdSchema,
    profileId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    publishedAt: Timestamp,
    sourceTimeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'IANA zone the source used' })),
    text: Type.String({ maxLength: 100_000 }),
    link: Type.Optional(WebLink({ maxLength: 2048, description: 'http(s) URL of the post' })),
    contentType: literalUnion(CONTENT_TYPES, { default: 'text' }),
    tags: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100, default: [] }),
    campaign: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type Post = Static<typeof PostSchema>;

export const PostPublishedPayloadSchema = Type.Object({ post: PostSchema, metrics: Type.Optional(MetricsSnapshotSchema) }, { additionalProperties: false });
export type PostPublishedPayload = Static<typeof PostPublishedPayloadSchema>;

/** A new reading of an already-known post's counters (metric exports, API polling). */
export const MetricsCapturedPayloadSchema = Type.Object(
  { network: NetworkSchema, networkPostId: NetworkIdSchema, metrics: MetricsSnapshotSchema },
  { additionalProperties: false },
);
export type MetricsCapturedPayload = Static<typeof MetricsCapturedPayloadSchema>;
