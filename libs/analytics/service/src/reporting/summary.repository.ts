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

  // The three reads are independent: sent together, they share the wait on the pool.
  const postsRead = db.prisma.$queryRaw<(PostSumsRow & { b: number })[]>`
    SELECT width_bucket(p.published_at, ${boundsSql}) AS b, ${postSums}
    FROM ${table('posts')} p ${readingJoin(db, options.readAsOf ?? settlingCutoff(last), { strict: options.readAsOf !== undefined })}
    WHERE ${publishedInScopeSql(db, scope, first, last)}
    GROUP BY 1`;
  const mentionsRead = db.prisma.$queryRaw<(MentionSumsRow & { b: number })[]>`
    SELECT width_bucket(occurred_at, ${boundsSql}) AS b, ${mentionSums}
    FROM ${table('mentions')}
    WHERE ${mentionScopeSql(scope)} AND occurred_at >= ${first} AND occurred_at < ${last}
    GROUP BY 1`;
  // Follower counts are per calendar day: a boundary's count is each profile's newest on a day before it.
  const days = bounds.map((d) => localDate(d, scope.timeZone));
  // Each profile of the scope once, then one backward probe of the (workspace, network, profile, date)
  // key per profile and boundary: re-sorting every earlier count per boundary cost 17× more (bench/analytics).
  const followersRead = db.prisma.$queryRaw<{ i: number; followers: number | null }[]>`
    SELECT d.i::int AS i, sum(f.followers)::float8 AS followers
    FROM unnest(${days}::date[]) WITH ORDINALITY AS d(day, i)
    CROSS JOIN (SELECT DISTINCT f.workspace_id, f.network, f.profile_id FROM ${table('follower_counts')} f WHERE ${profileScopeSql(db, scope, 'f')}) pr
    LEFT JOIN LATERAL (
      SELECT f.followers FROM ${table('follower_counts')} f
      WHERE f.workspace_id = pr.workspace_id AND f.network = pr.network AND f.profile_id = pr.profile_id AND f.date < d.day
      ORDER BY f.date DESC LIMIT 1
    ) f ON true
    GROUP BY d.i`;
  const [posts, mentions, followers] = await Promise.all([postsRead, mentionsRead, followersRead]);
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
