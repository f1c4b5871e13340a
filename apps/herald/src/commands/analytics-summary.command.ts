import { METRIC_DEFINITIONS, type MetricName } from '@herald/analytics-metrics';
import { createFigures } from '@herald/figures';

import { PERIOD_FLAGS, queryAnalytics } from './analytics-query.ts';

export interface SummaryOptions {
  dataDir: string;
  from: string;
  to: string;
  timeZone?: string;
  network?: string;
  workspaceId: string;
  json: boolean;
}

const METRICS = ['posts', 'impressions', 'reach', 'engagements', 'engagementRate', 'followers', 'mentions', 'netSentiment', 'averageSentiment'] as const;

export type SummaryFigures = Record<(typeof METRICS)[number], number | null>;

/** The same summary as GET /v1/analytics/summary, from the running stack or straight from the embedded store. */
export async function fetchSummary(options: SummaryOptions): Promise<SummaryFigures & { label: string; timeZone: string }> {
  const { body } = await queryAnalytics<SummaryFigures & { label: string; timeZone: string }>({
    dataDir: options.dataDir,
    workspaceId: options.workspaceId,
    path: '/v1/analytics/summary',
    query: { from: options.from, to: options.to, timeZone: options.timeZone, network: options.network, compare: 'none' },
    flags: PERIOD_FLAGS,
  });
  return body;
}

export function formatSummary(summary: SummaryFigures & { label?: string; timeZone?: string }, options: Pick<SummaryOptions, 'from' | 'to' | 'json'>): string {
  const picked = Object.fromEntries(METRICS.map((k) => [k, summary[k]]));
  if (options.json) return `${JSON.stringify(picked)}\n`;
  const figures = createFigures();
  const heading = summary.label
    ? `Summary ${summary.label} (${options.from} to ${options.to}, to exclusive, ${summary.timeZone})`
    : `Summary ${options.from} to ${options.to} (to exclusive)`;
  const line = (k: MetricName) => {
    const { kind, label } = METRIC_DEFINITIONS[k];
    return `  ${label.padEnd(18)} ${figures.value(kind, summary[k as (typeof METRICS)[number]])}`;
  };
  return `${heading}\n${METRICS.map(line).join('\n')}\n`;
}
