import { Type } from 'typebox';

import type { AnalyticsDb, Goal } from '@herald/analytics-data-access';
import { goalShapeOf, isPostMetric, METRIC_DEFINITIONS, type MetricName } from '@herald/analytics-metrics';
import { bucketsOf, describePeriod, parseBoundary, parsePeriod, PeriodError } from '@herald/period';
import { AppError, errorResponse, type ServiceApp } from '@herald/service-kit';

import { GoalAtQuerySchema, GoalBodySchema, GoalIdParamsSchema, GoalListSchema, GoalSchema, type GoalBody, type GoalView } from '../api/goal.schema.ts';
import { periodFailure, zoneOf } from '../routes/period-query.ts';
import { sendCsv, tableResponse, wantsCsv } from '../routes/csv-reply.ts';
import { READING_RULE } from '../routes/summary.route.ts';
import { goalProgressOf } from './goal-progress.ts';
import { createGoal, deleteGoal, findGoal, listGoals, replaceGoal, type GoalRecord } from './goal.repository.ts';

/** A year and a bit: a goal's days and its weekday history stay a small read. */
const MAX_GOAL_DAYS = 400;

const GOAL_400 =
  'The goal is invalid: from or to is not a date, has no offset or to is not after from (PERIOD_INVALID); the period is too long, the target does not fit the metric or a campaign goal is on a metric campaigns do not have (GOAL_INVALID); or the body fails a check (VALIDATION_FAILED)';
const GOAL_CSV_COLUMNS = [
  'id',
  'name',
  'metric',
  'target',
  'period',
  'from',
  'to',
  'network',
  'campaign',
  'actual',
  'progress',
  'expected',
  'forecast',
  'neededPerDay',
  'status',
] as const;
const GOAL_404 = 'No goal with this id in the workspace (GOAL_NOT_FOUND)';

const invalid = (field: string, message: string) => new AppError('GOAL_INVALID', message, 400, [{ field, message }]);
const notFound = (id: string) => new AppError('GOAL_NOT_FOUND', `no goal ${id} in this workspace`, 404);

/** The body as a stored goal, or a 400 naming the field. */
async function recordOf(db: AnalyticsDb, workspaceId: string, body: GoalBody): Promise<GoalRecord> {
  const timeZone = await zoneOf(db, workspaceId, body.timeZone, 'body');
  let period;
  try {
    period = parsePeriod(body.from, body.to, timeZone);
  } catch (error) {
    return periodFailure(error, 'body');
  }
  const days = bucketsOf(period, 'day', timeZone).length;
  if (days > MAX_GOAL_DAYS) throw invalid('body.to', `to: the period has ${days} days, a goal has at most ${MAX_GOAL_DAYS}`);
  const metric = body.metric as MetricName;
  if (body.campaign !== undefined && !isPostMetric(metric)) {
    throw invalid(
      'body.campaign',
      `campaign: a campaign is a set of posts, and ${metric} is not read from posts; pick a post metric or leave the campaign out`,
    );
  }
  if (goalShapeOf(metric) === 'total' && !(body.target > 0))
    throw invalid('body.target', `target: a ${metric} goal is a total over the period and must be above 0`);
  return {
    name: body.name ?? null,
    metric,
    target: body.target,
    periodFrom: period.from,
    periodTo: period.to,
    timeZone,
    network: body.network ?? null,
    campaign: body.campaign ?? null,
  };
}

async function atOf(db: AnalyticsDb, workspaceId: string, at: string | undefined): Promise<Date> {
  if (at === undefined) return new Date();
  try {
    return parseBoundary(at, 'from', await zoneOf(db, workspaceId, undefined));
  } catch (error) {
    if (error instanceof PeriodError) {
      const message = error.message.replace(/^from: /, 'at: ');
      throw new AppError('PERIOD_INVALID', message, 400, [{ field: 'query.at', message }]);
    }
    throw error;
  }
}

async function viewOf(db: AnalyticsDb, goal: Goal, at: Date): Promise<GoalView> {
  const progress = await goalProgressOf(db, goal, at);
  const period = { from: goal.periodFrom, to: goal.periodTo };
  return {
    id: goal.id,
    name: goal.name,
    metric: goal.metric,
    metricLabel: METRIC_DEFINITIONS[goal.metric as MetricName].label,
    target: goal.target,
    period: { from: period.from.toISOString(), to: period.to.toISOString(), label: describePeriod(period, goal.timeZone), timeZone: goal.timeZone },
    network: goal.network,
    campaign: goal.campaign,
    at: at.toISOString(),
    shape: progress.shape,
    actual: progress.actual,
    progress: progress.progress,
    expected: progress.expected,
    expectedLinear: progress.expectedLinear,
    expectedWeekday: progress.expectedWeekday,
    forecast: progress.forecast,
    neededPerDay: progress.neededPerDay,
    elapsedShare: progress.elapsedShare,
    paceModel: progress.paceModel,
    status: progress.status,
    rule: progress.rule,
    readingRule: READING_RULE,
    createdAt: goal.createdAt.toISOString(),
    updatedAt: goal.updatedAt.toISOString(),
  };
}

export function registerGoalRoutes(app: ServiceApp, db: AnalyticsDb): void {
  const tags = ['goals'];
  app.get(
    '/v1/analytics/goals',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'listGoals',
        tags,
        summary: "The workspace's goals with progress, expected progress, forecast and status, the soonest ending first",
        querystring: GoalAtQuerySchema,
        response: {
          200: tableResponse(GoalListSchema, 'The goals'),
          400: errorResponse('at is not a date or has no offset (PERIOD_INVALID); or the request fails a check (VALIDATION_FAILED)'),
        },
      },
    },
    async (request, reply) => {
      const { workspaceId } = request.principal;
      const at = await atOf(db, workspaceId, request.query.at);
      const goals = await listGoals(db, workspaceId);
      const views: GoalView[] = await Promise.all(goals.map((goal) => viewOf(db, goal, at)));
      if (wantsCsv(request)) {
        const rows = views.map((v) => ({ ...v, from: v.period.from, to: v.period.to, period: v.period.label }));
        return sendCsv(reply, 'goals', rows, GOAL_CSV_COLUMNS);
      }
      return { workspaceId, at: at.toISOString(), goals: views };
    },
  );
  app.post(
    '/v1/analytics/goals',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'createGoal',
        tags,
        summary: 'Sets a goal: a target for a metric over a period, for the workspace or one network or campaign',
        body: GoalBodySchema,
        response: { 201: GoalSchema, 400: errorResponse(GOAL_400) },
      },
    },
    async (request, reply) => {
      const { workspaceId } = request.principal;
      const goal = await createGoal(db, workspaceId, await recordOf(db, workspaceId, request.body));
      return reply.status(201).send(await viewOf(db, goal, new Date()));
    },
  );
  app.get(
    '/v1/analytics/goals/:id',
    {
      config: { scope: 'read' },
      schema: {
        operationId: 'getGoal',
        tags,
        summary: 'One goal with its progress',
        params: GoalIdParamsSchema,
        querystring: GoalAtQuerySchema,
        response: { 200: GoalSchema, 400: errorResponse('at or id is invalid (PERIOD_INVALID, VALIDATION_FAILED)'), 404: errorResponse(GOAL_404) },
      },
    },
    async (request) => {
      const { workspaceId } = request.principal;
      const at = await atOf(db, workspaceId, request.query.at);
      const goal = await findGoal(db, workspaceId, request.params.id);
      if (!goal) throw notFound(request.params.id);
      return viewOf(db, goal, at);
    },
  );
  app.put(
    '/v1/analytics/goals/:id',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'replaceGoal',
        tags,
        summary: 'Replaces a goal',
        params: GoalIdParamsSchema,
        body: GoalBodySchema,
        response: { 200: GoalSchema, 400: errorResponse(GOAL_400), 404: errorResponse(GOAL_404) },
      },
    },
    async (request) => {
      const { workspaceId } = request.principal;
      const goal = await replaceGoal(db, workspaceId, request.params.id, await recordOf(db, workspaceId, request.body));
      if (!goal) throw notFound(request.params.id);
      return viewOf(db, goal, new Date());
    },
  );
  app.delete(
    '/v1/analytics/goals/:id',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'deleteGoal',
        tags,
        summary: 'Deletes a goal',
        params: GoalIdParamsSchema,
        response: { 204: Type.Null({ description: 'Deleted' }), 400: errorResponse('id is not a uuid (VALIDATION_FAILED)'), 404: errorResponse(GOAL_404) },
      },
    },
    async (request, reply) => {
      if (!(await deleteGoal(db, request.principal.workspaceId, request.params.id))) throw notFound(request.params.id);
      return reply.status(204).send(null);
    },
  );
}
