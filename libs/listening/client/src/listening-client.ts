import createClient from 'openapi-fetch';

import { callApi } from '@herald/api-client';

import type { paths } from './generated/listening-api.ts';
import { ListeningClientError, LISTENING_SERVICE } from './listening-client-error.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type ListeningSummary = Json<paths['/v1/listening/summary']['get']['responses'][200]>;
export type MentionsPage = Json<paths['/v1/listening/mentions']['get']['responses'][200]>;
export type AnalyzedMention = MentionsPage['items'][number];
export type MentionsQuery = NonNullable<paths['/v1/listening/mentions']['get']['parameters']['query']>;
export type AlertList = Json<paths['/v1/listening/alerts']['get']['responses'][200]>;
export type Brand = Json<paths['/v1/listening/brands/{brandId}']['get']['responses'][200]>;
export type BrandInput = Json<paths['/v1/listening/brands']['post']['requestBody']>;
export type BrandSaved = Json<paths['/v1/listening/brands']['post']['responses'][201]>;

/** A period: `from` inclusive, `to` exclusive; YYYY-MM-DD (UTC) or ISO timestamps. */
export interface PeriodQuery {
  from: string;
  to: string;
}

export interface ListeningClient {
  getSummary(period: PeriodQuery): Promise<ListeningSummary>;
  /** One page, newest first; pass the answer's `nextCursor` as `cursor` for the next. */
  listMentions(query?: Partial<MentionsQuery>): Promise<MentionsPage>;
  listAlerts(period: PeriodQuery): Promise<AlertList>;
  listBrands(): Promise<Brand[]>;
  /** Adds a brand or competitor; the answer counts the stored mentions matched again. */
  createBrand(input: BrandInput): Promise<BrandSaved>;
}

export interface ListeningClientOptions {
  baseUrl: string;
  /** A key of the workspace whose data is read; `read` scope (and `admin` for brand changes). */
  apiKey: string;
  fetch?: typeof fetch;
}

/** The typed client for the listening API; failures throw ListeningClientError. */
export function createListeningClient(options: ListeningClientOptions): ListeningClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    headers: { 'x-api-key': options.apiKey },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const call = <T>(send: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> =>
    callApi(send, LISTENING_SERVICE, ListeningClientError.from);

  return {
    getSummary: (period) => call(() => client.GET('/v1/listening/summary', { params: { query: period } })),
    // limit has a default on the server; the generated type marks it required because of it.
    listMentions: (query = {}) => call(() => client.GET('/v1/listening/mentions', { params: { query: query as MentionsQuery } })),
    listAlerts: (period) => call(() => client.GET('/v1/listening/alerts', { params: { query: period } })),
    listBrands: async () => (await call(() => client.GET('/v1/listening/brands'))).items,
    createBrand: (input) => call(() => client.POST('/v1/listening/brands', { body: input })),
  };
}
