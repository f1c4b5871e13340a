import type { AnalyticsDb } from '@herald/analytics-data-access';
import { METRIC_NAMES } from '@herald/analytics-metrics';
import { bucketsOf } from '@herald/period';
import { AppError, errorResponse, type ServiceApp } from '@herald/service-kit';

import {
  BestTimesSchema,
  BREAKDOWN_COLUMNS,
  BreakdownQuerySchema,
  BreakdownSchema,
  SummaryQuerySchema,
  TimeseriesQuerySchema,
  TimeseriesSchema,
} from '../api/summary.schema.ts';
import { loadBestTimes, loadBreakdown, type BreakdownDimension } from '../reporting/breakdown.repository.ts';
import { loadSummaries } from '../reporting/summary.repository.ts';
import { PERIOD_400, periodQuery } from './period-query.ts';
import { customValuesOf, loadCustomMetrics } from '../custom-metrics/custom-metric.repository.ts';
import { metricsOf } from './summary.route.ts';
import { sendCsv, tableResponse, wantsCsv } from './csv-reply.ts';

/** A year of days, several years of weeks and decades of months stay within this. */
const MAX_BUCKETS = 400;

export function registerTableRoutes(app: ServiceApp, db: AnalyticsDb): void {
  app.get(
    '/v1/analytics/timeseries',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'getAnalyticsTimeseries',
        tags: ['analytics'],
        summary: 'KPIs per calendar day, ISO week or month of the zone; a post counts in the bucket of its publishing time',
        querystring: TimeseriesQuerySchema,
        response: {
          200: tableResponse(TimeseriesSchema, 'One row per bucket'),
          400: errorResponse(`${PERIOD_400}; or more than ${MAX_BUCKETS} buckets (PERIOD_INVALID)`),
        },
      },
    },
    async (request, reply) => {
      const { period, timeZone } = await periodQuery(db, request.principal.workspaceId, request.query);
      const buckets = bucketsOf(period, request.query.interval, timeZone);
      if (buckets.length > MAX_BUCKETS) {
        const message = `${buckets.length} ${request.query.interval} buckets: at most ${MAX_BUCKETS}, use a longer interval or a shorter period`;
        throw new AppError('PERIOD_INVALID', message, 400, [{ field: 'query.interval', message }]);
      }
      const [custom, summaries] = await Promise.all([
        loadCustomMetrics(db, request.principal.workspaceId),
        loadSummaries(db, { workspaceId: request.principal.workspaceId, timeZone, network: request.query.network }, buckets),
      ]);
      const rows = buckets.map((b, i) => ({ start: b.start, ...metricsOf(summaries[i]!), custom: customValuesOf(custom, summaries[i]!) }));
      if (wantsCsv(request)) {
        const flat = rows.map(({ custom: values, ...row }) => ({ ...row, ...values }));
        return sendCsv(reply, `timeseries-${request.query.interval}`, flat, [
          'start',
          ...METRIC_NAMES,
          ...custom.map((m) => m.name),
        ] as (keyof (typeof flat)[number] & string)[]);
      }
      return {
        workspaceId: request.principal.workspaceId,
        timeZone,
        interval: request.query.interval,
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        buckets: rows,
      };
    },
  );
  app.get(
    '/v1/analytics/breakdown',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'getAnalyticsBreakdown',
        tags: ['analytics'],
        summary: 'Post metrics per network, profile, content type, tag or campaign, most engagements first',
        querystring: BreakdownQuerySchema,
        response: { 200: tableResponse(BreakdownSchema, 'One row per group'), 400: errorResponse(PERIOD_400) },
      },
    },
    async (request, reply) => {
      const { period, timeZone } = await periodQuery(db, request.principal.workspaceId, request.query);
      const by = request.query.by as BreakdownDimension;
      const rows = await loadBreakdown(db, { workspaceId: request.principal.workspaceId, timeZone, network: request.query.network }, period, by);
      if (wantsCsv(request)) return sendCsv(reply, `breakdown-${by}`, rows, ['key', ...BREAKDOWN_COLUMNS]);
      return { workspaceId: request.principal.workspaceId, by, from: period.from.toISOString(), to: period.to.toISOString(), rows };
    },
  );
  app.get(
    '/v1/analytics/best-times',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'getAnalyticsBestTimes',
        tags: ['analytics'],
        summary: 'Weekday × hour grid in the zone: posts published in each cell and their engagement rate',
        querystring: SummaryQuerySchema,
        response: { 200: tableResponse(BestTimesSchema, 'One row per weekday and hour with posts'), 400: errorResponse(PERIOD_400) },
      },
    },
    async (request, reply) => {
      const { period, timeZone } = await periodQuery(db, request.principal.workspaceId, request.query);
      const cells = await loadBestTimes(db, { workspaceId: request.principal.workspaceId, timeZone, network: request.query.network }, period, timeZone);
      if (wantsCsv(request)) return sendCsv(reply, 'best-times', cells, ['weekday', 'hour', 'posts', 'impressions', 'engagements', 'engagementRate']);
      return { workspaceId: request.principal.workspaceId, timeZone, from: period.from.toISOString(), to: period.to.toISOString(), cells };
    },
  );
}
