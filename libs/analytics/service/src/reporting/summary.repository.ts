import { Prisma, type AnalyticsDb } from '@herald/analytics-data-access';
import { SETTLING_DAYS, summaryFromTotals, type PeriodSummary } from '@herald/analytics-metrics';
import { localDate, type Period } from '@herald/period';

import {
  mentionScopeSql,
  mentionSums,
  postSums,
  profileScopeSql,
  publishedInScopeSql,
  readingJoin,
  tableOf,
  totalsOf,
  type MentionSumsRow,
  type PostSumsRow,
  type Scope,
} from './reading-sql.ts';

const DAY = 86_400_000;

/** The instant up to which post readings count for a range ending at `to`. */
export const settlingCutoff = (to: Date) => new Date(to.getTime() + SETTLING_DAYS * DAY);

/**
 * Summaries of consecutive periods in one pass: `periods` must touch end to start (a period, or
 * the buckets of a timeseries). A post or mention falls in the period of its own time; every post
 * is read as of the last period's end plus the settling time, so the buckets add up to the whole.
 */
export interface ReadingOptions {
  /**
   * Read post counters as they stood at this instant instead of the last period's end plus the
   * settling time: a goal judged mid-period, or as of a past day, sees no reading from after it.
   */
  readAsOf?: Date;
}

export async function loadSummaries(db: AnalyticsDb, scope: Scope, periods: readonly Period[], options: ReadingOptions = {}): Promise<PeriodSummary[]> {
  if (periods.length === 0) return [];
  const table = tableOf(db);
  const bounds = [...periods.map((p) => p.from), periods[periods.length - 1]!.to];
  const boundsSql = Prisma.sql`${bounds.map((d) => d.toISOString())}::timestamptz[]`;
  const first = bounds[0]!;
  const last = bounds[bounds.length - 1]!;

  const posts = await db.prisma.$queryRaw<(PostSumsRow & { b: number })[]>`
    SELECT width_bucket(p.published_at, ${boundsSql}) AS b, ${postSums}
    FROM ${table('posts')} p ${readingJoin(db, options.readAsOf ?? settlingCutoff(last))}
    WHERE ${publishedInScopeSql(db, scope, first, last)}
    GROUP BY 1`;
  const mentions = await db.prisma.$queryRaw<(MentionSumsRow & { b: number })[]>`
    SELECT width_bucket(occurred_at, ${boundsSql}) AS b, ${mentionSums}
    FROM ${table('mentions')}
    WHERE ${mentionScopeSql(scope)} AND occurred_at >= ${first} AND occurred_at < ${last}
    GROUP BY 1`;
  // Follower counts are per calendar day: a boundary's count is each profile's newest on a day before it.
  const days = bounds.map((d) => localDate(d, scope.timeZone));
  const followers = await db.prisma.$queryRaw<{ i: number; followers: number | null }[]>`
    SELECT d.i::int AS i, sum(f.followers)::float8 AS followers
    FROM unnest(${days}::date[]) WITH ORDINALITY AS d(day, i)
    LEFT JOIN LATERAL (
      SELECT DISTINCT ON (f.network, f.profile_id) f.followers FROM ${table('follower_counts')} f
      WHERE ${profileScopeSql(db, scope, 'f')} AND f.date < d.day
      ORDER BY f.network, f.profile_id, f.date DESC
    ) f ON true
    GROUP BY d.i`;
  const followersAt = new Map(followers.map((r) => [r.i - 1, r.followers]));
  const postsBy = new Map(posts.map((r) => [Number(r.b) - 1, r]));
  const mentionsBy = new Map(mentions.map((r) => [Number(r.b) - 1, r]));
  return periods.map((_, i) =>
    summaryFromTotals(totalsOf(postsBy.get(i), mentionsBy.get(i)), { followersAtStart: followersAt.get(i) ?? null, followers: followersAt.get(i + 1) ?? null }),
  );
}

export async function loadSummary(db: AnalyticsDb, scope: Scope, period: Period, options: ReadingOptions = {}): Promise<PeriodSummary> {
  const [summary] = await loadSummaries(db, scope, [period], options);
  return summary!;
}
