import { METRIC_DEFINITIONS } from '@herald/analytics-metrics';
import { createFigures } from '@herald/figures';

import { PERIOD_FLAGS, queryAnalytics } from './analytics-query.ts';
import type { TableOptions } from './analytics-tables.command.ts';
import { textTable } from './text-table.ts';

const METRICS = ['posts', 'impressions', 'engagements', 'engagementRate', 'followers', 'followerGrowth', 'followerGrowthRate'] as const;

interface Place {
  dataDir: string;
  workspaceId: string;
}

export async function markCompetitor(place: Place, profile: { network: string; profileId: string; competitor: string }): Promise<string> {
  await queryAnalytics({
    ...place,
    method: 'PUT',
    path: `/v1/analytics/competitors/${encodeURIComponent(profile.network)}/${encodeURIComponent(profile.profileId)}`,
    body: { competitor: profile.competitor },
    flags: { 'body.competitor': '--competitor', 'params.network': '--network', 'params.profileId': '--profile' },
  });
  return `${profile.network} profile ${profile.profileId} is now reported as ${profile.competitor}'s, out of the own totals.\n`;
}

export async function unmarkCompetitor(place: Place, profile: { network: string; profileId: string }): Promise<string> {
  await queryAnalytics({
    ...place,
    method: 'DELETE',
    path: `/v1/analytics/competitors/${encodeURIComponent(profile.network)}/${encodeURIComponent(profile.profileId)}`,
  });
  return `${profile.network} profile ${profile.profileId} is the workspace's own again.\n`;
}

export async function listCompetitors(place: Place, json: boolean): Promise<string> {
  const { body, text } = await queryAnalytics<{ profiles: { network: string; profileId: string; competitor: string }[] }>({
    ...place,
    path: '/v1/analytics/competitors',
  });
  if (json) return `${text.trim()}\n`;
  if (body.profiles.length === 0)
    return 'No competitor profiles. Mark one with: herald competitors mark --network x --profile rival --competitor "Rival Inc"\n';
  return textTable(
    ['Competitor', 'Network', 'Profile'],
    body.profiles.map((p) => [p.competitor, p.network, p.profileId]),
  );
}

export async function compareCompetitors(options: TableOptions): Promise<string> {
  const { body, text } = await queryAnalytics<{ rows: ({ name: string } & Record<(typeof METRICS)[number], number | null>)[]; note: string }>({
    dataDir: options.dataDir,
    workspaceId: options.workspaceId,
    path: '/v1/analytics/competitors/compare',
    query: { from: options.from, to: options.to, timeZone: options.timeZone, network: options.network },
    accept: options.csv ? 'text/csv' : 'application/json',
    flags: PERIOD_FLAGS,
  });
  if (options.csv) return text;
  if (options.json) return `${text.trim()}\n`;
  const figures = createFigures();
  const rows = body.rows.map((r) => [r.name, ...METRICS.map((m) => figures.value(METRIC_DEFINITIONS[m].kind, r[m]))]);
  return `Own and competitors, ${options.from} to ${options.to} (to exclusive)\n${textTable(['', ...METRICS.map((m) => METRIC_DEFINITIONS[m].label)], rows)}  ${body.note}\n`;
}
