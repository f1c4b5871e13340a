import { Prisma, type AnalyticsDb } from '@herald/analytics-data-access';
import { POST_METRICS, summaryFromTotals, type PeriodSummary, type PostMetric } from '@herald/analytics-metrics';
import { weekdayHour, type Period } from '@herald/period';

import { postSums, publishedInScopeSql, readingJoin, tableOf, totalsOf, type PostSumsRow, type Scope } from './reading-sql.ts';
import { settlingCutoff } from './summary.repository.ts';

export const BREAKDOWN_DIMENSIONS = ['network', 'profile', 'content-type', 'tag', 'campaign', 'length'] as const;

/** Text lengths as a reader thinks of them; the bounds are characters of the post text. */
export const LENGTH_BUCKETS = ['short (< 80 chars)', 'medium (80–199)', 'long (200+)'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

const KEY: Record<BreakdownDimension, Prisma.Sql> = {
  network: Prisma.sql`p.network`,
  profile: Prisma.sql`p.profile_id`,
  'content-type': Prisma.sql`p.content_type`,
  campaign: Prisma.sql`p.campaign`,
  // A post with two tags counts under both, so tag rows may add up to more than the total.
  tag: Prisma.sql`t.tag`,
  length: Prisma.sql`CASE WHEN char_length(p.text) < 80 THEN ${LENGTH_BUCKETS[0]} WHEN char_length(p.text) < 200 THEN ${LENGTH_BUCKETS[1]} ELSE ${LENGTH_BUCKETS[2]} END`,
};

export interface BreakdownRow extends Pick<PeriodSummary, PostMetric> {
  /** The group's value; null for posts without one (no campaign, no tag, no profile). */
  key: string | null;
}

export const postMetricsOf = (s: PeriodSummary) => Object.fromEntries(POST_METRICS.map((m) => [m, s[m]])) as Pick<PeriodSummary, PostMetric>;

/** Post metrics of the period per network, profile, content type, tag or campaign, most engagements first. */
export async function loadBreakdown(db: AnalyticsDb, scope: Scope, period: Period, by: BreakdownDimension): Promise<BreakdownRow[]> {
  const table = tableOf(db);
  const tags =
    by === 'tag' ? Prisma.sql`CROSS JOIN LATERAL unnest(CASE WHEN cardinality(p.tags) = 0 THEN ARRAY[NULL]::text[] ELSE p.tags END) AS t(tag)` : Prisma.empty;
  const rows = await db.prisma.$queryRaw<(PostSumsRow & { key: string | null })[]>`
    SELECT ${KEY[by]} AS key, ${postSums}
    FROM ${table('posts')} p ${tags} ${readingJoin(db, settlingCutoff(period.to))}
    WHERE ${publishedInScopeSql(db, scope, period.from, period.to)}
    GROUP BY 1`;
  return rows
    .map((row) => {
      const s = summaryFromTotals(totalsOf(row, undefined));
      return { key: row.key, ...postMetricsOf(s) };
    })
    .sort((a, b) => b.engagements - a.engagements || b.posts - a.posts || String(a.key).localeCompare(String(b.key)));
}

export interface BestTimeCell {
  /** ISO weekday in the zone: Monday = 1 … Sunday = 7. */
  weekday: number;
  hour: number;
  posts: number;
  impressions: number;
  engagements: number;
  /** Σ engagements ÷ Σ impressions of the posts published in the cell; null without impressions. */
  engagementRate: number | null;
}

// Every zone's offset from UTC is a whole number of quarter hours, so a post's local weekday and
// hour follow from its UTC quarter hour: the database groups by that, Luxon names the local cell.
const QUARTER_HOUR_S = 900;

/** The weekday × hour grid of the period in `zone`: all 168 cells, each with the posts published in it. */
export async function loadBestTimes(db: AnalyticsDb, scope: Scope, period: Period, zone: string): Promise<BestTimeCell[]> {
  const table = tableOf(db);
  const slots = await db.prisma.$queryRaw<{ slot: number; posts: number; impressions: number; engagements: number }[]>`
    SELECT floor(extract(epoch FROM p.published_at) / ${QUARTER_HOUR_S})::float8 AS slot, ${postSums}
    FROM ${table('posts')} p ${readingJoin(db, settlingCutoff(period.to))}
    WHERE ${publishedInScopeSql(db, scope, period.from, period.to)}
    GROUP BY 1`;
  const cells = Array.from({ length: 7 * 24 }, (_, i) => ({ weekday: Math.floor(i / 24) + 1, hour: i % 24, posts: 0, impressions: 0, engagements: 0 }));
  for (const slot of slots) {
    const { weekday, hour } = weekdayHour(new Date(slot.slot * QUARTER_HOUR_S * 1000), zone);
    const cell = cells[(weekday - 1) * 24 + hour]!;
    cell.posts += slot.posts;
    cell.impressions += slot.impressions;
    cell.engagements += slot.engagements;
  }
  return cells.map((c) => ({ ...c, engagementRate: c.impressions > 0 ? c.engagements / c.impressions : null }));
}
