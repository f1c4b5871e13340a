import createClient from 'openapi-fetch';

import type { paths } from './generated/analytics-api.ts';

export type AnalyticsSummary = paths['/v1/analytics/summary']['get']['responses'][200]['content']['application/json'];

export class AnalyticsClientError extends Error {
  /** 503 when analytics could not be reached or failed, so the caller answers "retry later"; else analytics' own status. */
  readonly statusCode: number;
  readonly retryAfterSeconds = 5;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AnalyticsClientError';
    this.statusCode = status === 0 || status >= 500 ? 503 : status;
  }
}

/** Whose data: the caller's own API key, forwarded (analytics takes the workspace from it). */
export interface AnalyticsCredentials {
  apiKey: string;
}

export interface AnalyticsClient {
  getSummary(query: { from: string; to: string }, credentials: AnalyticsCredentials): Promise<AnalyticsSummary>;
}

export function createAnalyticsClient(options: { baseUrl: string; fetch?: typeof fetch }): AnalyticsClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  return {
    async getSummary(query, credentials) {
      let result;
      try {
        result = await client.GET('/v1/analytics/summary', { params: { query }, headers: { 'x-api-key': credentials.apiKey } });
      } catch (error) {
        throw new AnalyticsClientError(0, 'DEPENDENCY_UNAVAILABLE', `analytics cannot be reached (${(error as Error).message})`);
      }
      const { data, error, response } = result;
      if (!data) {
        const body = error as { error?: { code?: string; message?: string } } | undefined;
        throw new AnalyticsClientError(
          response.status,
          response.status >= 500 ? 'DEPENDENCY_UNAVAILABLE' : (body?.error?.code ?? 'ANALYTICS_UNAVAILABLE'),
          body?.error?.message ?? `analytics answered ${response.status}`,
        );
      }
      return data;
    },
  };
}
