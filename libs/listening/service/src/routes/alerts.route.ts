import type { ListeningAlertPayload } from '@herald/events';
import type { ListeningDb } from '@herald/listening-data-access';
import { errorResponse, type ServiceApp } from '@herald/service-kit';

import { AlertListSchema, AlertsQuerySchema } from '../api/alerts.schema.ts';
import { parsePeriod } from '../summary/period.ts';

export function registerAlertsRoute(app: ServiceApp, db: ListeningDb): void {
  app.get(
    '/v1/listening/alerts',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'listAlerts',
        tags: ['listening'],
        summary: 'Spikes whose bucket starts in the period, oldest first, with their evidence',
        querystring: AlertsQuerySchema,
        response: {
          200: AlertListSchema,
          400: errorResponse(
            'The period is invalid: from or to is not a date, out of range, to is not after from, or the period is longer than 366 days (PERIOD_INVALID); or the request fails a check (VALIDATION_FAILED, TEXT_INVALID, WORKSPACE_FROM_KEY)',
          ),
        },
      },
    },
    async (request) => {
      const { workspaceId } = request.principal;
      const { from, to } = request.query;
      const period = parsePeriod(from, to);
      const alerts = await db.prisma.listeningAlert.findMany({
        where: { workspaceId, bucketStart: { gte: period.from, lt: period.to } },
        orderBy: [{ bucketStart: 'asc' }, { kind: 'asc' }],
      });
      return { items: alerts.map((a) => ({ id: a.id, detectedAt: a.detectedAt.toISOString(), alert: a.payload as unknown as ListeningAlertPayload })) };
    },
  );
}
