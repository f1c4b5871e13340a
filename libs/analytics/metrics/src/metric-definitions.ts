/**
 * Each metric defined once: what it means, how it is computed and from which fields, and why it may
 * differ from what a network's own dashboard shows. The API serves these (/v1/analytics/metrics)
 * so every report and deck can show the definition beside the number.
 */
export interface MetricDefinition {
  label: string;
  kind: 'count' | 'rate' | 'score' | 'duration';
  formula: string;
  sources: readonly string[];
  caveats?: string;
}

const READING =
  "Each post's counters are its newest reading at or before the period's end plus 7 days (the settling time), or its first reading after that when it has none: a period's totals stop moving a week after it ends, and an older period is not favoured for having had longer to collect.";

const counter = (label: string, field: string, caveats?: string): MetricDefinition => ({
  label,
  kind: 'count',
  formula: `Σ ${field} of the posts published in the period`,
  sources: [`metric_snapshots.${field}`],
  caveats: caveats ? `${caveats} ${READING}` : READING,
});

export const METRIC_DEFINITIONS = {
  posts: { label: 'Posts', kind: 'count', formula: 'Posts published in the period (publishing time, workspace zone)', sources: ['posts.published_at'] },
  impressions: counter('Impressions', 'impressions', 'Times posts were shown, repeat views included.'),
  reach: counter(
    'Reach',
    'reach',
    'Summed per post, so a person reached by two posts counts twice; networks that de-duplicate across posts show less. Null when no post reported it.',
  ),
  engagements: counter(
    'Engagements',
    'engagements',
    'As the network reports it; when a source gives only the parts, likes + comments + shares + saves + link clicks + profile clicks. Networks disagree on what counts, so the reported figure wins.',
  ),
  likes: counter('Likes', 'likes'),
  comments: counter('Comments', 'comments'),
  shares: counter('Shares', 'shares', 'Reposts and retweets included.'),
  saves: counter('Saves', 'saves'),
  linkClicks: counter('Link clicks', 'link_clicks'),
  videoViews: counter('Video views', 'video_views', 'Each network counts a view after its own minimum watch time.'),
  engagementRate: {
    label: 'Engagement rate',
    kind: 'rate',
    formula: 'Σ engagements ÷ Σ impressions of the same posts',
    sources: ['metric_snapshots.engagements', 'metric_snapshots.impressions'],
    caveats: `A ratio of sums, not a mean of per-post rates, so large posts weigh more. Null without impressions. ${READING}`,
  },
  engagementRateByReach: {
    label: 'Engagement rate (reach)',
    kind: 'rate',
    formula: 'Σ engagements ÷ Σ reach',
    sources: ['metric_snapshots.engagements', 'metric_snapshots.reach'],
    caveats: 'Null without reach.',
  },
  engagementRateByFollowers: {
    label: 'Engagement rate (followers)',
    kind: 'rate',
    formula: "Σ engagements ÷ followers at the period's end",
    sources: ['metric_snapshots.engagements', 'follower_counts.followers'],
    caveats: 'Null without a follower count.',
  },
  followers: {
    label: 'Followers',
    kind: 'count',
    formula: "Σ over profiles of each profile's newest daily count on or before the period's last day",
    sources: ['follower_counts.followers'],
  },
  followerGrowth: {
    label: 'Follower growth',
    kind: 'count',
    formula: "followers at the period's end − followers the day before it starts",
    sources: ['follower_counts.followers'],
  },
  followerGrowthRate: {
    label: 'Follower growth rate',
    kind: 'rate',
    formula: 'follower growth ÷ followers the day before the period starts',
    sources: ['follower_counts.followers'],
  },
  mentions: {
    label: 'Mentions',
    kind: 'count',
    formula: 'Mentions, comments, direct messages and reviews received in the period',
    sources: ['mentions.occurred_at'],
  },
  netSentiment: {
    label: 'Net sentiment',
    kind: 'score',
    formula: 'share positive − share negative of the scored mentions, from −1 to 1 (shown ×100 as points)',
    sources: ['mentions.sentiment_label', 'mentions.scored'],
    caveats: 'Mentions in a language without a vocabulary are not scored and count in neither share. Null with no scored mention.',
  },
  averageSentiment: {
    label: 'Average sentiment',
    kind: 'score',
    formula: 'mean sentiment score of the scored mentions, from −1 to 1',
    sources: ['mentions.sentiment_score'],
  },
  inboundMessages: { label: 'Inbound messages', kind: 'count', formula: 'Direct messages received in the period', sources: ['mentions.kind'] },
  responseRate: {
    label: 'Response rate',
    kind: 'rate',
    formula: 'comments and direct messages with a reply ÷ all comments and direct messages received',
    sources: ['mentions.kind', 'mentions.replied_at'],
  },
  medianResponseMinutes: {
    label: 'Median response time',
    kind: 'duration',
    formula: 'median minutes from a comment or direct message to its reply, over those replied to',
    sources: ['mentions.occurred_at', 'mentions.replied_at'],
  },
} as const satisfies Record<string, MetricDefinition>;

export type MetricName = keyof typeof METRIC_DEFINITIONS;
export const METRIC_NAMES = Object.keys(METRIC_DEFINITIONS) as MetricName[];
/** How long after a period ends its post counters are taken: see READING. */
export const SETTLING_DAYS = 7;

/** A metric read from posts and their counters alone: the only kind a campaign (a set of posts) has. */
export const isPostMetric = (name: MetricName) => METRIC_DEFINITIONS[name].sources.every((s) => s.startsWith('posts.') || s.startsWith('metric_snapshots.'));

/** The metrics a group of posts (a breakdown row, a post, a contributor) carries, in the order tables show them. */
export const POST_METRICS = [
  'posts',
  'impressions',
  'reach',
  'engagements',
  'likes',
  'comments',
  'shares',
  'saves',
  'linkClicks',
  'videoViews',
  'engagementRate',
  'engagementRateByReach',
] as const satisfies readonly MetricName[];
export type PostMetric = (typeof POST_METRICS)[number];

/** A rate over posts as its numerator and denominator: how a change in it splits between groups. */
export const RATE_PARTS = {
  engagementRate: ['engagements', 'impressions'],
  engagementRateByReach: ['engagements', 'reach'],
} as const satisfies Partial<Record<PostMetric, readonly [PostMetric, PostMetric]>>;
