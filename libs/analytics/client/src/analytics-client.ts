import createClient from 'openapi-fetch';

import type { paths } from './generated/analytics-api.ts';

export type AnalyticsSummary = paths['/v1/analytics/summary']['get']['responses'][200]['content']['application/json'];

export class AnalyticsClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AnalyticsClientError';
  }
}

export interface AnalyticsClient {
  getSummary(query: { workspaceId: string; from: string; to: string }): Promise<AnalyticsSummary>;
}

export function createAnalyticsClient(options: { baseUrl: string; fetch?: typeof fetch }): AnalyticsClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  return {
    async getSummary(query) {
      const { data, error, response } = await client.GET('/v1/analytics/summary', { params: { query } });
      if (!data) {
        const body = error as { error?: { code?: string; message?: string } } | undefined;
        throw new AnalyticsClientError(response.status, body?.error?.code ?? 'ANALYTICS_UNAVAILABLE', body?.error?.message ?? `analytics answered ${response.status}`);
      }
      return data;
    },
  };
}
