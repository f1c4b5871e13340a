import type { AnalyticsDb } from '@herald/analytics-data-access';
import {
  changeOf,
  changeOfKind,
  type CustomKind,
  METRIC_DEFINITIONS,
  METRIC_NAMES,
  SETTLING_DAYS,
  VARIATION_PERIODS,
  VARIATION_RULE,
  variationOf,
  type PeriodSummary,
} from '@herald/analytics-metrics';
import { describePeriod, periodKind, periodsBefore } from '@herald/period';
import { errorResponse, type ServiceApp } from '@herald/service-kit';

import { customValuesOf, loadCustomMetrics } from '../custom-metrics/custom-metric.repository.ts';
import { MetricDefinitionsSchema, SummaryQuerySchema, SummarySchema } from '../api/summary.schema.ts';
import { loadSummaries, loadSummary } from '../reporting/summary.repository.ts';
import { againstOf, PERIOD_400, periodQuery } from './period-query.ts';

export const READING_RULE = `Post counters as of the period's end + ${SETTLING_DAYS} days (each post's newest reading by then, or its first after): both periods are read alike.`;

export const metricsOf = (s: PeriodSummary) => Object.fromEntries(METRIC_NAMES.map((n) => [n, s[n]])) as Record<(typeof METRIC_NAMES)[number], number | null>;

export function registerSummaryRoute(app: ServiceApp, db: AnalyticsDb): void {
  app.get(
    '/v1/analytics/summary',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'getAnalyticsSummary',
        tags: ['analytics'],
        summary: 'KPIs for a period with the change against the previous calendar period (or the same period last year), rates in points',
        querystring: SummaryQuerySchema,
        response: { 200: SummarySchema, 400: errorResponse(PERIOD_400) },
      },
    },
    async (request) => {
      const { period, timeZone } = await periodQuery(db, request.principal.workspaceId, request.query);
      const { workspaceId } = request.principal;
      const scope = { workspaceId, timeZone, network: request.query.network };
      const against = againstOf(request.query, period, timeZone);
      // Only a change from the period right before has a history of like changes to be judged by.
      const [custom, summary, before, history] = await Promise.all([
        loadCustomMetrics(db, workspaceId),
        loadSummary(db, scope, period),
        against ? loadSummary(db, scope, against.period) : null,
        against?.against === 'previous' ? loadSummaries(db, scope, periodsBefore(period, VARIATION_PERIODS, timeZone)) : null,
      ]);
      let comparison;
      if (against && before) {
        comparison = {
          against: against.against,
          period: { from: against.period.from.toISOString(), to: against.period.to.toISOString(), label: against.label },
          changes: Object.fromEntries(
            METRIC_NAMES.map((n) => {
              const change = changeOf(n, summary[n], before[n]);
              // A period with no post and no mention has no data (before the workspace began, or a gap), not a zero.
              const variation = history
                ? variationOf(
                    change.absolute,
                    history.map((h) => (h.posts === 0 && h.mentions === 0 ? null : h[n])),
                  )
                : { notable: null, threshold: null };
              return [n, { ...change, ...variation }];
            }),
          ),
          customChanges: Object.fromEntries(
            custom.map((m) => [
              m.name,
              { ...changeOfKind(m.kind as CustomKind, m.compiled.evaluate(summary), m.compiled.evaluate(before)), notable: null, threshold: null },
            ]),
          ),
          variationRule: history
            ? VARIATION_RULE
            : 'Judged only against the previous period (compare=previous): other comparisons have no run of like changes to judge by.',
        };
      }
      return {
        workspaceId,
        timeZone,
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        label: describePeriod(period, timeZone),
        kind: periodKind(period, timeZone),
        ...metricsOf(summary),
        custom: customValuesOf(custom, summary),
        sentiment: { scored: summary.scoredMentions, positive: summary.positiveMentions, neutral: summary.neutralMentions, negative: summary.negativeMentions },
        readingRule: READING_RULE,
        ...(comparison ? { comparison } : {}),
      };
    },
  );
  app.get(
    '/v1/analytics/metrics',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'listMetricDefinitions',
        tags: ['analytics'],
        summary: "Every metric's definition: formula, source fields and caveats",
        response: { 200: MetricDefinitionsSchema, 400: errorResponse('The request fails a check (VALIDATION_FAILED, WORKSPACE_FROM_KEY)') },
      },
    },
    async (request) => ({
      settlingDays: SETTLING_DAYS,
      metrics: METRIC_NAMES.map((name) => ({ name, ...METRIC_DEFINITIONS[name], sources: [...METRIC_DEFINITIONS[name].sources] })),
      custom: (await loadCustomMetrics(db, request.principal.workspaceId)).map((m) => ({
        name: m.name,
        label: m.label,
        kind: m.kind,
        formula: m.formula,
        sources: m.compiled.metrics,
        ...(m.description ? { caveats: m.description } : {}),
      })),
    }),
  );
}
