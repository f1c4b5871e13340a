import type { AnalyticsDb } from '@herald/analytics-data-access';
import { checkTimeZone, PeriodError } from '@herald/period';
import { AppError, errorResponse, type ServiceApp } from '@herald/service-kit';

import { WorkspaceSettingsBodySchema, WorkspaceSettingsSchema } from '../api/settings.schema.ts';
import { loadWorkspaceSettings, saveWorkspaceSettings } from '../reporting/workspace-settings.repository.ts';

export function registerSettingsRoutes(app: ServiceApp, db: AnalyticsDb): void {
  app.get(
    '/v1/analytics/settings',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'getWorkspaceSettings',
        tags: ['settings'],
        summary: "The workspace's reporting settings: the time zone its calendar periods are read in",
        response: { 200: WorkspaceSettingsSchema, 400: errorResponse('The request fails a check (VALIDATION_FAILED, WORKSPACE_FROM_KEY)') },
      },
    },
    async (request) => loadWorkspaceSettings(db, request.principal.workspaceId),
  );
  app.put(
    '/v1/analytics/settings',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'putWorkspaceSettings',
        tags: ['settings'],
        summary: 'Sets the time zone every later query, goal and report of the workspace defaults to',
        body: WorkspaceSettingsBodySchema,
        response: {
          200: WorkspaceSettingsSchema,
          400: errorResponse('timeZone is not an IANA zone (TIME_ZONE_INVALID), or the body fails a check (VALIDATION_FAILED)'),
        },
      },
    },
    async (request) => {
      let timeZone: string;
      try {
        timeZone = checkTimeZone(request.body.timeZone);
      } catch (error) {
        if (error instanceof PeriodError) throw new AppError('TIME_ZONE_INVALID', error.message, 400, [{ field: 'body.timeZone', message: error.message }]);
        throw error;
      }
      return saveWorkspaceSettings(db, { workspaceId: request.principal.workspaceId, timeZone });
    },
  );
}
