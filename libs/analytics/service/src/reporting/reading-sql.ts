import { Prisma, type AnalyticsDb } from '@herald/analytics-data-access';
import { emptyTotals, type PeriodTotals } from '@herald/analytics-metrics';

export const tableOf = (db: AnalyticsDb) => (name: string) => Prisma.raw(`"${db.schema}"."${name}"`);

/** Whose posts a query reads, in which workspace, on which network. */
export interface Scope {
  workspaceId: string;
  timeZone: string;
  /** Only this network's posts, mentions and followers. */
  network?: string;
  /**
   * Absent: the workspace's own profiles (every profile not marked as a competitor's).
   * A name: only the profiles marked as that competitor's.
   */
  competitor?: string;
  /** Only posts of this campaign (post metrics only: mentions and followers have no campaign). */
  campaign?: string;
}

const competitorProfileOf = (db: AnalyticsDb, alias: string) => Prisma.sql`
  SELECT 1 FROM ${tableOf(db)('competitor_profiles')} c
  WHERE c.workspace_id = ${Prisma.raw(alias)}.workspace_id AND c.network = ${Prisma.raw(alias)}.network AND c.profile_id = ${Prisma.raw(alias)}.profile_id`;

/**
 * The WHERE conditions that keep a query to its scope, for a table with workspace_id, network
 * and profile_id (posts, follower counts) under `alias`. Every post query goes through this, so
 * a competitor's posts never reach the workspace's own totals.
 */
export function profileScopeSql(db: AnalyticsDb, scope: Scope, alias: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  const network = scope.network ? Prisma.sql`AND ${a}.network = ${scope.network}` : Prisma.empty;
  const whose =
    scope.competitor === undefined
      ? Prisma.sql`AND NOT EXISTS (${competitorProfileOf(db, alias)})`
      : Prisma.sql`AND EXISTS (${competitorProfileOf(db, alias)} AND c.competitor = ${scope.competitor})`;
  return Prisma.sql`${a}.workspace_id = ${scope.workspaceId} ${network} ${whose}`;
}

/** Posts of the scope (under alias p) published in [from, to): the WHERE of every post query. */
export const publishedInScopeSql = (db: AnalyticsDb, scope: Scope, from: Date, to: Date) =>
  Prisma.sql`${profileScopeSql(db, scope, 'p')} ${scope.campaign === undefined ? Prisma.empty : Prisma.sql`AND p.campaign = ${scope.campaign}`} AND p.published_at >= ${from} AND p.published_at < ${to}`;

/** Mentions are what people say to and about the workspace: never a competitor's, scoped by network only. */
export function mentionScopeSql(scope: Scope): Prisma.Sql {
  const network = scope.network ? Prisma.sql`AND network = ${scope.network}` : Prisma.empty;
  return Prisma.sql`workspace_id = ${scope.workspaceId} ${network}`;
}

/**
 * The reading each post is counted with (see METRIC_DEFINITIONS' settling rule): its newest
 * snapshot at or before the cutoff, or, when it has none, its first one after. The history is
 * kept, so a report rebuilt later takes the same readings. Written as two index-ordered probes of
 * the (post_id, captured_at) key, the second run only for a post with no reading by the cutoff:
 * one ORDER BY over an expression would read and sort every snapshot of every post (bench/analytics).
 * PostgreSQL runs UNION ALL branches in order under the LIMIT, inside a parameterized lateral no parallel
 * plan reorders them. `strict` (a reading as of an instant, e.g. a goal judged on a past day) never
 * takes a reading from after the cutoff.
 */
export const readingJoin = (db: AnalyticsDb, cutoff: Date, options: { strict?: boolean } = {}) => Prisma.sql`
  LEFT JOIN LATERAL (
    SELECT * FROM (
      (SELECT * FROM ${tableOf(db)('metric_snapshots')} m WHERE m.post_id = p.id AND m.captured_at <= ${cutoff} ORDER BY m.captured_at DESC LIMIT 1)
      ${
        options.strict
          ? Prisma.empty
          : Prisma.sql`UNION ALL
      (SELECT * FROM ${tableOf(db)('metric_snapshots')} m WHERE m.post_id = p.id AND m.captured_at > ${cutoff} ORDER BY m.captured_at ASC LIMIT 1)`
      }
    ) r LIMIT 1
  ) s ON true`;

/**
 * Sums of the post counters over a group. Counters are BigInt columns and PostgreSQL sums them
 * exactly (numeric); the answer is a double, exact up to 2^53 − 1, which one counter never passes.
 * A sum no post reported stays null (count(col) = 0): missing is not zero.
 */
export const postSums = Prisma.sql`
  count(*)::int AS posts,
  coalesce(sum(s.impressions), 0)::float8 AS impressions,
  CASE WHEN count(s.reach) > 0 THEN sum(s.reach)::float8 END AS reach,
  coalesce(sum(coalesce(s.engagements,
    coalesce(s.likes, 0) + coalesce(s.comments, 0) + coalesce(s.shares, 0) + coalesce(s.saves, 0) + coalesce(s.link_clicks, 0) + coalesce(s.profile_clicks, 0))), 0)::float8 AS engagements,
  CASE WHEN count(s.likes) > 0 THEN sum(s.likes)::float8 END AS likes,
  CASE WHEN count(s.comments) > 0 THEN sum(s.comments)::float8 END AS comments,
  CASE WHEN count(s.shares) > 0 THEN sum(s.shares)::float8 END AS shares,
  CASE WHEN count(s.saves) > 0 THEN sum(s.saves)::float8 END AS saves,
  CASE WHEN count(s.link_clicks) > 0 THEN sum(s.link_clicks)::float8 END AS link_clicks,
  CASE WHEN count(s.video_views) > 0 THEN sum(s.video_views)::float8 END AS video_views`;

export interface PostSumsRow {
  posts: number;
  impressions: number;
  reach: number | null;
  engagements: number;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  link_clicks: number | null;
  video_views: number | null;
}

export const mentionSums = Prisma.sql`
  count(*)::int AS mentions,
  count(*) FILTER (WHERE scored)::int AS scored,
  count(*) FILTER (WHERE scored AND sentiment_label = 'positive')::int AS positive,
  count(*) FILTER (WHERE scored AND sentiment_label = 'neutral')::int AS neutral,
  count(*) FILTER (WHERE scored AND sentiment_label = 'negative')::int AS negative,
  coalesce(sum(sentiment_score) FILTER (WHERE scored), 0)::float8 AS score_sum,
  count(*) FILTER (WHERE kind = 'direct_message')::int AS messages,
  count(*) FILTER (WHERE kind IN ('comment', 'direct_message'))::int AS conversations,
  count(*) FILTER (WHERE kind IN ('comment', 'direct_message') AND replied_at IS NOT NULL)::int AS replied,
  (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM replied_at - occurred_at) / 60)
     FILTER (WHERE kind IN ('comment', 'direct_message') AND replied_at IS NOT NULL))::float8 AS median_minutes`;

export interface MentionSumsRow {
  mentions: number;
  scored: number;
  positive: number;
  neutral: number;
  negative: number;
  score_sum: number;
  messages: number;
  conversations: number;
  replied: number;
  median_minutes: number | null;
}

export function totalsOf(posts: PostSumsRow | undefined, mentions: MentionSumsRow | undefined): PeriodTotals {
  const totals = emptyTotals();
  if (posts) {
    Object.assign(totals, {
      posts: posts.posts,
      impressions: posts.impressions,
      reach: posts.reach,
      engagements: posts.engagements,
      likes: posts.likes,
      comments: posts.comments,
      shares: posts.shares,
      saves: posts.saves,
      linkClicks: posts.link_clicks,
      videoViews: posts.video_views,
    });
  }
  if (mentions) {
    Object.assign(totals, {
      mentions: mentions.mentions,
      scoredMentions: mentions.scored,
      positiveMentions: mentions.positive,
      neutralMentions: mentions.neutral,
      negativeMentions: mentions.negative,
      sentimentSum: mentions.score_sum,
      inboundMessages: mentions.messages,
      conversations: mentions.conversations,
      repliedConversations: mentions.replied,
      medianResponseMinutes: mentions.median_minutes,
    });
  }
  return totals;
}
