import type { AnalyticsDb, CompetitorProfile } from '@herald/analytics-data-access';
import { AppError, errorResponse, type ServiceApp } from '@herald/service-kit';
import { Type } from 'typebox';

import { loadSummary } from '../reporting/summary.repository.ts';
import { sendCsv, tableResponse, wantsCsv } from '../routes/csv-reply.ts';
import { PERIOD_400, periodQuery } from '../routes/period-query.ts';
import { listCompetitorProfiles, markCompetitorProfile, unmarkCompetitorProfile } from './competitor.repository.ts';
import {
  CompetitorBodySchema,
  CompetitorCompareQuerySchema,
  CompetitorCompareSchema,
  CompetitorProfileParamsSchema,
  CompetitorProfileSchema,
  CompetitorProfilesSchema,
  SIDE_BY_SIDE_METRICS,
} from './competitor.schema.ts';

const viewOf = (p: CompetitorProfile) => ({ network: p.network, profileId: p.profileId, competitor: p.competitor, createdAt: p.createdAt.toISOString() });

export function registerCompetitorRoutes(app: ServiceApp, db: AnalyticsDb): void {
  const tags = ['competitors'];
  app.get(
    '/v1/analytics/competitors',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'listCompetitorProfiles',
        tags,
        summary: "The profiles marked as competitors': reported side by side, never in the own totals",
        response: { 200: CompetitorProfilesSchema, 400: errorResponse('The request fails a check (VALIDATION_FAILED)') },
      },
    },
    async (request) => ({
      workspaceId: request.principal.workspaceId,
      profiles: (await listCompetitorProfiles(db, request.principal.workspaceId)).map(viewOf),
    }),
  );
  app.put(
    '/v1/analytics/competitors/:network/:profileId',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'markCompetitorProfile',
        tags,
        summary: "Marks a profile as a competitor's; its posts and followers leave the own totals at once, for every period",
        params: CompetitorProfileParamsSchema,
        body: CompetitorBodySchema,
        response: { 200: CompetitorProfileSchema, 400: errorResponse('The request fails a check (VALIDATION_FAILED)') },
      },
    },
    async (request) =>
      viewOf(await markCompetitorProfile(db, { workspaceId: request.principal.workspaceId, ...request.params, competitor: request.body.competitor })),
  );
  app.delete(
    '/v1/analytics/competitors/:network/:profileId',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'unmarkCompetitorProfile',
        tags,
        summary: 'The profile is the workspace own again',
        params: CompetitorProfileParamsSchema,
        response: {
          204: Type.Null({ description: 'Unmarked' }),
          400: errorResponse('The request fails a check (VALIDATION_FAILED)'),
          404: errorResponse('The profile is not marked (COMPETITOR_NOT_FOUND)'),
        },
      },
    },
    async (request, reply) => {
      if (!(await unmarkCompetitorProfile(db, { workspaceId: request.principal.workspaceId, ...request.params }))) {
        throw new AppError('COMPETITOR_NOT_FOUND', `${request.params.network} profile ${request.params.profileId} is not marked as a competitor's`, 404);
      }
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/v1/analytics/competitors/compare',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'compareCompetitors',
        tags,
        summary: "The own profiles and each competitor's side by side: posts, impressions, engagements, rates, followers and growth",
        querystring: CompetitorCompareQuerySchema,
        response: { 200: tableResponse(CompetitorCompareSchema, 'One row for the own profiles, one per competitor'), 400: errorResponse(PERIOD_400) },
      },
    },
    async (request, reply) => {
      const { workspaceId } = request.principal;
      const { period, timeZone } = await periodQuery(db, workspaceId, request.query);
      const competitors = [...new Set((await listCompetitorProfiles(db, workspaceId)).map((p) => p.competitor))];
      const rows = [];
      for (const name of [undefined, ...competitors]) {
        const s = await loadSummary(db, { workspaceId, timeZone, network: request.query.network, ...(name === undefined ? {} : { competitor: name }) }, period);
        rows.push({
          name: name ?? 'own',
          own: name === undefined,
          ...(Object.fromEntries(SIDE_BY_SIDE_METRICS.map((m) => [m, s[m]])) as Record<(typeof SIDE_BY_SIDE_METRICS)[number], number | null>),
        });
      }
      if (wantsCsv(request)) return sendCsv(reply, 'competitors', rows, ['name', 'own', ...SIDE_BY_SIDE_METRICS]);
      return {
        workspaceId,
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        rows,
        note: "Competitors' counters are what their public posts show (impressions are often missing for a profile one does not own); share of voice is in listening.",
      };
    },
  );
}
