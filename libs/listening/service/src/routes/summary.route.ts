import type { ListeningDb } from '@herald/listening-data-access';
import { errorResponse, type ServiceApp } from '@herald/service-kit';

import { ListeningSummarySchema, SummaryQuerySchema } from '../api/summary.schema.ts';
import { loadListeningSummary } from '../summary/listening-summary.ts';
import { parsePeriod } from '../summary/period.ts';

export function registerSummaryRoute(app: ServiceApp, db: ListeningDb): void {
  app.get(
    '/v1/listening/summary',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'getListeningSummary',
        tags: ['listening'],
        summary: 'Volume, sentiment per day, topics, intents, share of voice per brand and alerts for a period',
        querystring: SummaryQuerySchema,
        response: {
          200: ListeningSummarySchema,
          400: errorResponse(
            'The period is invalid: from or to is not a date, out of range, to is not after from, or the period is longer than 366 days (PERIOD_INVALID); or the request fails a check (VALIDATION_FAILED, TEXT_INVALID, WORKSPACE_FROM_KEY)',
          ),
        },
      },
    },
    async (request) => {
      const { workspaceId } = request.principal;
      const { from, to } = request.query;
      return loadListeningSummary(db, workspaceId, parsePeriod(from, to));
    },
  );
}
