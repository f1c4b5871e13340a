import type { AnalyticsDb } from '@herald/analytics-data-access';
import { parsePeriod, PeriodError } from '@herald/analytics-metrics';
import { AppError, errorResponse, type ServiceApp } from '@herald/service-kit';

import { SummaryQuerySchema, SummarySchema } from '../api/summary.schema.ts';
import { loadPeriodSummary } from '../summary.repository.ts';

export function registerSummaryRoute(app: ServiceApp, db: AnalyticsDb): void {
  app.get(
    '/v1/analytics/summary',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'getAnalyticsSummary',
        tags: ['analytics'],
        summary: 'Headline KPIs for a period: posts, impressions, engagements, engagement rate, mentions, sentiment',
        querystring: SummaryQuerySchema,
        response: {
          200: SummarySchema,
          400: errorResponse(
            'The period is invalid: from or to is not a date, out of range, or to is not after from (PERIOD_INVALID); or the request fails a check (VALIDATION_FAILED, TEXT_INVALID, WORKSPACE_FROM_KEY)',
          ),
        },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const { workspaceId } = request.principal;
      let period;
      try {
        period = parsePeriod(from, to);
      } catch (error) {
        if (error instanceof PeriodError) throw new AppError('PERIOD_INVALID', error.message, 400, [{ field: `query.${error.field}`, message: error.message }]);
        throw error;
      }
      const summary = await loadPeriodSummary(db, workspaceId, period);
      return { workspaceId, from: period.from.toISOString(), to: period.to.toISOString(), ...summary };
    },
  );
}
