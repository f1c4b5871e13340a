import { METRIC_DEFINITIONS, type MetricName } from '@herald/analytics-metrics';
import { createFigures } from '@herald/figures';

import { queryAnalytics } from './analytics-query.ts';

interface Place {
  dataDir: string;
  workspaceId: string;
}

export interface GoalInput {
  metric: string;
  target: number;
  from: string;
  to: string;
  timeZone?: string;
  network?: string;
  campaign?: string;
  name?: string;
}

/** The API's goal (GET /v1/analytics/goals), the fields the CLI shows. */
export interface GoalView {
  id: string;
  name: string | null;
  metric: MetricName;
  metricLabel: string;
  target: number;
  period: { from: string; to: string; label: string; timeZone: string };
  network: string | null;
  campaign: string | null;
  actual: number | null;
  progress: number | null;
  expected: number | null;
  forecast: number | null;
  neededPerDay: number | null;
  paceModel: 'weekday' | 'linear';
  status: string;
  rule: string;
}

const GOAL_FLAGS: Record<string, string> = {
  'body.metric': '--metric',
  'body.target': '--target',
  'body.from': '--from',
  'body.to': '--to',
  'body.timeZone': '--time-zone',
  'body.network': '--network',
  'body.campaign': '--campaign',
  'body.name': '--name',
  'params.id': 'ID',
  'query.at': '--at',
};

export async function setGoal(place: Place, goal: GoalInput): Promise<{ goal: GoalView; text: string }> {
  const { body, text } = await queryAnalytics<GoalView>({ ...place, method: 'POST', path: '/v1/analytics/goals', body: goal, flags: GOAL_FLAGS });
  return { goal: body, text };
}

export async function listGoals(place: Place, options: { at?: string; csv: boolean }): Promise<{ goals: GoalView[]; text: string }> {
  const { body, text } = await queryAnalytics<{ goals: GoalView[] }>({
    ...place,
    path: '/v1/analytics/goals',
    query: { at: options.at },
    accept: options.csv ? 'text/csv' : 'application/json',
    flags: GOAL_FLAGS,
  });
  return { goals: options.csv ? [] : body.goals, text };
}

export async function deleteGoal(place: Place, id: string): Promise<void> {
  await queryAnalytics({ ...place, method: 'DELETE', path: `/v1/analytics/goals/${encodeURIComponent(id)}`, flags: GOAL_FLAGS });
}

const STATUS: Record<string, string> = { upcoming: 'upcoming', ahead: 'ahead', 'on-track': 'on track', behind: 'behind', met: 'met', missed: 'missed' };

/** A goal in two lines: what and when, then where it stands and where it is heading. */
export function formatGoal(goal: GoalView): string {
  const figures = createFigures();
  const kind = METRIC_DEFINITIONS[goal.metric]?.kind ?? 'count';
  const v = (n: number | null) => figures.value(kind, n);
  const scope = [goal.network && `${goal.network} only`, goal.campaign && `campaign ${goal.campaign}`].filter(Boolean).join(', ');
  const title = `${goal.name ? `${goal.name}: ` : ''}${goal.metricLabel} ${v(goal.target)}, ${goal.period.label} (${goal.period.timeZone}${scope ? `; ${scope}` : ''})`;
  const parts = [
    `${v(goal.actual)} so far${goal.progress == null ? '' : ` (${figures.value('rate', goal.progress)} of the target)`}`,
    `expected by now ${v(goal.expected)}${goal.paceModel === 'weekday' ? ' (weekday rhythm)' : ''}`,
    `forecast ${v(goal.forecast)}`,
    ...(goal.neededPerDay == null ? [] : [`${figures.count(Math.ceil(goal.neededPerDay))} a day still needed`]),
  ];
  return `${title}  [${STATUS[goal.status] ?? goal.status}]\n  ${parts.join(' · ')}\n  id ${goal.id}\n`;
}

export function formatGoals(goals: readonly GoalView[]): string {
  if (goals.length === 0) return 'No goals. Set one with: herald goals set --metric engagements --target 50000 --from 2026-03-01 --to 2026-04-01\n';
  return goals.map(formatGoal).join('\n');
}
