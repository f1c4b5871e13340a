import type { AnalyticsDb } from '@herald/analytics-data-access';
import { METRIC_DEFINITIONS, RATE_PARTS, type PostMetric } from '@herald/analytics-metrics';
import { AppError, errorResponse, type ServiceApp } from '@herald/service-kit';

import { ContentPerformanceQuerySchema, ContentPerformanceSchema } from '../api/comparison.schema.ts';
import { loadBestTimes, loadBreakdown, postMetricsOf, type BreakdownDimension } from '../reporting/breakdown.repository.ts';
import type { Scope } from '../reporting/reading-sql.ts';
import { loadSummary } from '../reporting/summary.repository.ts';
import { sendCsv, tableResponse, wantsCsv } from './csv-reply.ts';
import { PERIOD_400, periodQuery } from './period-query.ts';

/** Fewer posts than this behind a group, and its rate is an anecdote. */
export const DEFAULT_MIN_POSTS = 5;

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** What the weekday × hour grid carries: hour and weekday groups can be ranked by these only. */
const GRID_METRICS: readonly PostMetric[] = ['posts', 'impressions', 'engagements', 'engagementRate'];

type Sums = Partial<Record<PostMetric, number | null>> & { posts: number };

/** A group's value: its own rate for a rate, its total per post for a count. */
function valueOf(metric: PostMetric, sums: Sums): number | null {
  const parts = (RATE_PARTS as Partial<Record<PostMetric, readonly [PostMetric, PostMetric]>>)[metric];
  if (parts) {
    const d = sums[parts[1]];
    return d ? (sums[parts[0]] ?? 0) / d : null;
  }
  if (metric === 'posts') return sums.posts;
  const total = sums[metric];
  return total == null || sums.posts === 0 ? null : total / sums.posts;
}

export function registerContentPerformanceRoute(app: ServiceApp, db: AnalyticsDb): void {
  app.get(
    '/v1/analytics/content-performance',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'getContentPerformance',
        tags: ['analytics'],
        summary: 'Which content types, tags, lengths and posting hours or weekdays perform best, where enough posts stand behind a group',
        querystring: ContentPerformanceQuerySchema,
        response: {
          200: tableResponse(ContentPerformanceSchema, 'Ranked groups'),
          400: errorResponse(`${PERIOD_400}; or a metric the hour and weekday grid does not carry (PERFORMANCE_INVALID)`),
        },
      },
    },
    async (request, reply) => {
      const { workspaceId } = request.principal;
      const { period, timeZone } = await periodQuery(db, workspaceId, request.query);
      const metric = (request.query.metric ?? 'engagementRate') as PostMetric;
      const by = request.query.by as string;
      const minPosts = request.query.minPosts ?? DEFAULT_MIN_POSTS;
      const scope: Scope = { workspaceId, timeZone, network: request.query.network };

      let groups: { key: string | null; sums: Sums }[];
      if (by === 'hour' || by === 'weekday') {
        if (!GRID_METRICS.includes(metric)) {
          const message = `metric: ${by} groups carry ${GRID_METRICS.join(', ')} only`;
          throw new AppError('PERFORMANCE_INVALID', message, 400, [{ field: 'query.metric', message }]);
        }
        const cells = await loadBestTimes(db, scope, period, timeZone);
        const merged = new Map<string, Sums>();
        for (const c of cells) {
          const key = by === 'hour' ? `${String(c.hour).padStart(2, '0')}:00` : WEEKDAYS[c.weekday - 1]!;
          const m = merged.get(key) ?? { posts: 0, impressions: 0, engagements: 0 };
          merged.set(key, { posts: m.posts + c.posts, impressions: (m.impressions ?? 0) + c.impressions, engagements: (m.engagements ?? 0) + c.engagements });
        }
        groups = [...merged].map(([key, sums]) => ({ key, sums }));
      } else {
        groups = (await loadBreakdown(db, scope, period, by as BreakdownDimension)).map(({ key, ...sums }) => ({ key, sums }));
      }
      const baseline = valueOf(metric, postMetricsOf(await loadSummary(db, scope, period)));
      const ranked = groups
        .filter((g) => g.sums.posts >= minPosts)
        .map((g) => {
          const value = valueOf(metric, g.sums);
          return { key: g.key, posts: g.sums.posts, value, lift: value != null && baseline ? value / baseline - 1 : null };
        })
        .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || b.posts - a.posts);
      const tooFew = groups.filter((g) => g.sums.posts > 0 && g.sums.posts < minPosts).map((g) => ({ key: g.key, posts: g.sums.posts }));
      if (wantsCsv(request)) return sendCsv(reply, `content-performance-${by}`, ranked, ['key', 'posts', 'value', 'lift']);
      const label = METRIC_DEFINITIONS[metric].label.toLowerCase();
      const how = metric in RATE_PARTS ? `${label} of the group (Σ ÷ Σ)` : metric === 'posts' ? 'posts' : `${label} per post`;
      return {
        workspaceId,
        by,
        metric,
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        minPosts,
        baseline,
        rows: ranked,
        tooFew,
        rule: `Groups with at least ${minPosts} posts, ranked by ${how}; lift compares it with the whole period's. Fewer posts are listed under tooFew, not ranked.`,
      };
    },
  );
}
