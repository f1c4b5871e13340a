import type { AnalyticsDb } from '@herald/analytics-data-access';
import { contributionsOf, METRIC_DEFINITIONS, RATE_PARTS, type GroupSums, type PostMetric } from '@herald/analytics-metrics';
import { describePeriod, type Period } from '@herald/period';
import { AppError, errorResponse, type ServiceApp } from '@herald/service-kit';

import { ContributorsQuerySchema, ContributorsSchema, TopPostsQuerySchema, TopPostsSchema } from '../api/comparison.schema.ts';
import { loadBreakdown, postMetricsOf, type BreakdownDimension } from '../reporting/breakdown.repository.ts';
import type { Scope } from '../reporting/reading-sql.ts';
import { loadSummary } from '../reporting/summary.repository.ts';
import { loadRankedPosts, MIN_IMPRESSIONS_FOR_RATES } from '../reporting/top-posts.repository.ts';
import { sendCsv, tableResponse, wantsCsv } from './csv-reply.ts';
import { againstOf, PERIOD_400, periodQuery } from './period-query.ts';
import { READING_RULE } from './summary.route.ts';

const isRate = (metric: PostMetric) => metric in RATE_PARTS;

/** Posts of both periods taken for a split by post: the biggest of each are the ones that matter. */
const POSTS_PER_PERIOD = 50;

export function registerComparisonRoutes(app: ServiceApp, db: AnalyticsDb): void {
  app.get(
    '/v1/analytics/top-posts',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'getTopPosts',
        tags: ['analytics'],
        summary: 'The posts of a period ranked by a metric, top or bottom',
        querystring: TopPostsQuerySchema,
        response: { 200: tableResponse(TopPostsSchema, 'The ranked posts'), 400: errorResponse(PERIOD_400) },
      },
    },
    async (request, reply) => {
      const { period, timeZone } = await periodQuery(db, request.principal.workspaceId, request.query);
      const metric = (request.query.metric ?? 'engagements') as PostMetric;
      const order = request.query.order ?? 'top';
      const scope: Scope = { workspaceId: request.principal.workspaceId, timeZone, network: request.query.network };
      const posts = await loadRankedPosts(db, scope, period, { metric, order, limit: request.query.limit ?? 10 });
      if (wantsCsv(request)) {
        const rows = posts.map((p) => ({ ...p, tags: p.tags.join(' ') }));
        return sendCsv(reply, `${order}-posts-${metric}`, rows, [
          'id',
          'network',
          'publishedAt',
          'contentType',
          'campaign',
          'tags',
          'value',
          'impressions',
          'engagements',
          'engagementRate',
          'text',
        ]);
      }
      const rule = isRate(metric)
        ? `Posts of the period with ${metric} and at least ${MIN_IMPRESSIONS_FOR_RATES} ${metric === 'engagementRateByReach' ? 'reach' : 'impressions'} (a rate from fewer is noise)`
        : `Posts of the period with a reading and ${metric} reported`;
      return { workspaceId: scope.workspaceId, metric, order, from: period.from.toISOString(), to: period.to.toISOString(), rule, posts };
    },
  );

  app.get(
    '/v1/analytics/contributors',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'getContributors',
        tags: ['analytics'],
        summary: 'Which networks, profiles, content types, tags, campaigns or posts moved a metric between two periods: drivers and detractors',
        querystring: ContributorsQuerySchema,
        response: {
          200: ContributorsSchema,
          400: errorResponse(`${PERIOD_400}; or compare=none, or by=post with a rate (CONTRIBUTORS_INVALID)`),
        },
      },
    },
    async (request) => {
      const { workspaceId } = request.principal;
      const { period, timeZone } = await periodQuery(db, workspaceId, request.query);
      const metric = (request.query.metric ?? 'engagements') as PostMetric;
      const by = request.query.by;
      const against = againstOf(request.query, period, timeZone);
      if (!against) throw invalid('query.compare', 'compare: contributors split a change, so they need a period to compare against');
      if (by === 'post' && isRate(metric)) {
        throw invalid(
          'query.by',
          `by: a rate's change does not split by post (every post of a period adds to its rate); use a count, or by network, content-type, …`,
        );
      }
      const scope: Scope = { workspaceId, timeZone, network: request.query.network };
      const [now, before] = await Promise.all([loadSummary(db, scope, period), loadSummary(db, scope, against.period)]);
      const totals = { current: postMetricsOf(now), previous: postMetricsOf(before) };
      const labels = new Map<string | null, string>();
      const [current, previous] =
        by === 'post'
          ? await Promise.all([postGroups(db, scope, period, metric, labels), postGroups(db, scope, against.period, metric, labels)])
          : await Promise.all([groups(db, scope, period, by as BreakdownDimension), groups(db, scope, against.period, by as BreakdownDimension)]);
      const split = contributionsOf(metric, current, previous, totals);
      const limit = request.query.limit ?? 5;
      const shown = (list: typeof split.drivers) => list.slice(0, limit).map((c) => (labels.has(c.key) ? { ...c, label: labels.get(c.key)! } : c));
      return {
        workspaceId,
        metric,
        unit: isRate(metric) ? ('pp' as const) : ('percent' as const),
        by,
        period: { from: period.from.toISOString(), to: period.to.toISOString(), label: describePeriod(period, timeZone) },
        against: { against: against.against, from: against.period.from.toISOString(), to: against.period.to.toISOString(), label: against.label },
        total: split.total,
        drivers: shown(split.drivers),
        detractors: shown(split.detractors),
        rule: ruleOf(metric, by),
        readingRule: READING_RULE,
      };
    },
  );
}

const invalid = (field: string, message: string) => new AppError('CONTRIBUTORS_INVALID', message, 400, [{ field, message }]);

async function groups(db: AnalyticsDb, scope: Scope, period: Period, by: BreakdownDimension) {
  const rows = await loadBreakdown(db, scope, period, by);
  return new Map<string | null, GroupSums>(rows.map(({ key, ...sums }) => [key, sums]));
}

/** Each post is its own group: in its period it adds its value, in the other it is absent. */
async function postGroups(db: AnalyticsDb, scope: Scope, period: Period, metric: PostMetric, labels: Map<string | null, string>) {
  const posts = await loadRankedPosts(db, scope, period, { metric, order: 'top', limit: POSTS_PER_PERIOD });
  const map = new Map<string | null, GroupSums>();
  for (const post of posts) {
    const key = `${post.network}:${post.id}`;
    labels.set(key, post.text.slice(0, 80));
    map.set(key, { ...post, posts: 1 });
  }
  return map;
}

function ruleOf(metric: PostMetric, by: string): string {
  const what = METRIC_DEFINITIONS[metric].label.toLowerCase();
  const base = isRate(metric)
    ? `A rate's change splits as each group's numerator over the whole period's denominator, now minus then; the parts add up to the change in ${what}, and a group's part reflects both its own rate and its weight.`
    : `Each group's own change in ${what}; the parts add up to the total change.`;
  const tags = by === 'tag' ? ' A post with several tags counts under each, so tag parts can add up to more than the total.' : '';
  const posts =
    by === 'post'
      ? ` Posts belong to one period: a post of this period adds its ${what}, one of the other subtracts it (the ${POSTS_PER_PERIOD} biggest of each).`
      : '';
  return `${base}${tags}${posts} Drivers moved it the way it went, detractors the other way.`;
}
