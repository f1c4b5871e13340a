import type { AnalyticsDb, CustomMetric } from '@herald/analytics-data-access';
import { FormulaError, METRIC_NAMES, parseFormula } from '@herald/analytics-metrics';
import { AppError, errorResponse, type ServiceApp } from '@herald/service-kit';
import { Type } from 'typebox';

import { deleteCustomMetric, listCustomMetrics, saveCustomMetric } from './custom-metric.repository.ts';
import { CustomMetricBodySchema, CustomMetricListSchema, CustomMetricParamsSchema, CustomMetricSchema } from './custom-metric.schema.ts';

const viewOf = (m: CustomMetric) => ({
  name: m.name,
  label: m.label,
  formula: m.formula,
  kind: m.kind,
  description: m.description,
  metrics: parseFormula(m.formula).metrics,
  updatedAt: m.updatedAt.toISOString(),
});

const invalid = (field: string, message: string) => new AppError('CUSTOM_METRIC_INVALID', message, 400, [{ field, message }]);

export function registerCustomMetricRoutes(app: ServiceApp, db: AnalyticsDb): void {
  const tags = ['custom metrics'];
  app.get(
    '/v1/analytics/custom-metrics',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'listCustomMetrics',
        tags,
        summary: "The workspace's own metrics: formulas over the base metrics, reported beside them in summaries and timeseries",
        response: { 200: CustomMetricListSchema, 400: errorResponse('The request fails a check (VALIDATION_FAILED)') },
      },
    },
    async (request) => ({ workspaceId: request.principal.workspaceId, metrics: (await listCustomMetrics(db, request.principal.workspaceId)).map(viewOf) }),
  );
  app.put(
    '/v1/analytics/custom-metrics/:name',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'putCustomMetric',
        tags,
        summary: 'Defines or redefines a custom metric; the formula is parsed by mathjs and only + - * /, numbers and base metrics are accepted (no code runs)',
        params: CustomMetricParamsSchema,
        body: CustomMetricBodySchema,
        response: {
          200: CustomMetricSchema,
          400: errorResponse('The formula or the name is invalid (CUSTOM_METRIC_INVALID), or the body fails a check (VALIDATION_FAILED)'),
        },
      },
    },
    async (request) => {
      const { name } = request.params;
      if ((METRIC_NAMES as string[]).includes(name)) throw invalid('params.name', `name: ${name} is a base metric; pick another name`);
      try {
        parseFormula(request.body.formula);
      } catch (error) {
        if (error instanceof FormulaError) throw invalid('body.formula', `formula: ${error.message}`);
        throw error;
      }
      const { label, formula, kind, description } = request.body;
      return viewOf(await saveCustomMetric(db, { workspaceId: request.principal.workspaceId, name, label, formula, kind, description: description ?? null }));
    },
  );
  app.delete(
    '/v1/analytics/custom-metrics/:name',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'deleteCustomMetric',
        tags,
        summary: 'Deletes a custom metric',
        params: CustomMetricParamsSchema,
        response: {
          204: Type.Null({ description: 'Deleted' }),
          400: errorResponse('The name is invalid (VALIDATION_FAILED)'),
          404: errorResponse('No such custom metric (CUSTOM_METRIC_NOT_FOUND)'),
        },
      },
    },
    async (request, reply) => {
      if (!(await deleteCustomMetric(db, request.principal.workspaceId, request.params.name))) {
        throw new AppError('CUSTOM_METRIC_NOT_FOUND', `no custom metric ${request.params.name} in this workspace`, 404);
      }
      return reply.status(204).send(null);
    },
  );
}
