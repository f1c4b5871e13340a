import { Prisma, type AnalyticsDb } from '@herald/analytics-data-access';
import { summaryFromTotals, type PostMetric } from '@herald/analytics-metrics';
import type { Period } from '@herald/period';

import { postMetricsOf, type BreakdownRow } from './breakdown.repository.ts';
import { postSums, publishedInScopeSql, readingJoin, tableOf, totalsOf, type PostSumsRow, type Scope } from './reading-sql.ts';
import { settlingCutoff } from './summary.repository.ts';

/** A rate from a handful of impressions is noise: posts with fewer are not ranked by a rate. */
export const MIN_IMPRESSIONS_FOR_RATES = 100;

/** Each post metric as an expression over one post's sums (the columns of postSums). */
const VALUE: Record<PostMetric, Prisma.Sql> = {
  posts: Prisma.sql`x.posts::float8`,
  impressions: Prisma.sql`x.impressions`,
  reach: Prisma.sql`x.reach`,
  engagements: Prisma.sql`x.engagements`,
  likes: Prisma.sql`x.likes`,
  comments: Prisma.sql`x.comments`,
  shares: Prisma.sql`x.shares`,
  saves: Prisma.sql`x.saves`,
  linkClicks: Prisma.sql`x.link_clicks`,
  videoViews: Prisma.sql`x.video_views`,
  engagementRate: Prisma.sql`x.engagements / nullif(x.impressions, 0)`,
  engagementRateByReach: Prisma.sql`x.engagements / nullif(x.reach, 0)`,
};

export interface RankedPost extends Omit<BreakdownRow, 'key' | 'posts'> {
  /** The network's own id of the post. */
  id: string;
  network: string;
  profileId: string | null;
  publishedAt: string;
  contentType: string;
  tags: string[];
  campaign: string | null;
  /** The first 280 characters. */
  text: string;
  link: string | null;
  /** The metric it is ranked by. */
  value: number;
}

interface PostRow extends PostSumsRow {
  network: string;
  network_post_id: string;
  profile_id: string | null;
  published_at: Date;
  content_type: string;
  tags: string[];
  campaign: string | null;
  text: string;
  link: string | null;
  value: number;
}

/**
 * The period's posts ranked by a metric, each read the way the period's totals read it (newest
 * reading by the period's end plus the settling time). Posts with no reading yet or without the metric
 * are left out, and for a rate so are posts with fewer than MIN_IMPRESSIONS_FOR_RATES of its denominator.
 */
export async function loadRankedPosts(
  db: AnalyticsDb,
  scope: Scope,
  period: Period,
  options: { metric: PostMetric; order: 'top' | 'bottom'; limit: number },
): Promise<RankedPost[]> {
  const table = tableOf(db);
  const value = VALUE[options.metric];
  // A rate is floored on its own denominator: impressions, or reach for the rate by reach.
  const floor =
    options.metric === 'engagementRate'
      ? Prisma.sql`AND x.impressions >= ${MIN_IMPRESSIONS_FOR_RATES}`
      : options.metric === 'engagementRateByReach'
        ? Prisma.sql`AND x.reach >= ${MIN_IMPRESSIONS_FOR_RATES}`
        : Prisma.empty;
  const direction = options.order === 'top' ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const rows = await db.prisma.$queryRaw<PostRow[]>`
    SELECT x.*, (${value})::float8 AS value FROM (
      SELECT p.network, p.network_post_id, p.profile_id, p.published_at, p.content_type, p.tags, p.campaign, left(p.text, 280) AS text, p.link, count(s.post_id)::int AS readings, ${postSums}
      FROM ${table('posts')} p ${readingJoin(db, settlingCutoff(period.to))}
      WHERE ${publishedInScopeSql(db, scope, period.from, period.to)}
      GROUP BY p.id
    ) x
    WHERE x.readings > 0 AND (${value}) IS NOT NULL ${floor}
    ORDER BY value ${direction}, x.published_at, x.network, x.network_post_id
    LIMIT ${options.limit}`;
  return rows.map((row) => {
    const { posts: _posts, ...metrics } = postMetricsOf(summaryFromTotals(totalsOf(row, undefined)));
    return {
      id: row.network_post_id,
      network: row.network,
      profileId: row.profile_id,
      publishedAt: row.published_at.toISOString(),
      contentType: row.content_type,
      tags: row.tags,
      campaign: row.campaign,
      text: row.text,
      link: row.link,
      value: row.value,
      ...metrics,
    };
  });
}
