import createClient from 'openapi-fetch';

import type { paths } from './generated/ingestion-api.ts';
import { toClientError } from './ingestion-client-error.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type BatchPath = '/v1/posts:batch' | '/v1/metrics:batch' | '/v1/followers:batch' | '/v1/mentions:batch';
type ItemsOf<P extends BatchPath> = Json<paths[P]['post']['requestBody']>['items'];

export const BATCH_PATHS = {
  posts: '/v1/posts:batch',
  metrics: '/v1/metrics:batch',
  followers: '/v1/followers:batch',
  mentions: '/v1/mentions:batch',
} as const satisfies Record<string, BatchPath>;
export type BatchKind = keyof typeof BATCH_PATHS;
export const BATCH_KINDS = Object.keys(BATCH_PATHS) as BatchKind[];

export type PostItem = ItemsOf<'/v1/posts:batch'>[number];
export type MetricsItem = ItemsOf<'/v1/metrics:batch'>[number];
export type FollowerCountItem = ItemsOf<'/v1/followers:batch'>[number];
export type MentionItem = ItemsOf<'/v1/mentions:batch'>[number];
export interface BatchItems {
  posts: PostItem;
  metrics: MetricsItem;
  followers: FollowerCountItem;
  mentions: MentionItem;
}
export type BatchResult = Json<paths['/v1/posts:batch']['post']['responses'][200]>;
export type BatchRejection = BatchResult['rejected'][number];
export type ImportJob = Json<paths['/v1/imports/{id}']['get']['responses'][200]>;
export type ImportFormat = NonNullable<paths['/v1/imports']['post']['requestBody']['content']['multipart/form-data']['format']>;
export type ImportEncoding = NonNullable<paths['/v1/imports']['post']['requestBody']['content']['multipart/form-data']['encoding']>;

export interface ImportUpload {
  /** The CSV; `fs.openAsBlob(path)` streams a file from disk instead of reading it into memory. */
  file: Blob;
  fileName: string;
  format?: ImportFormat;
  /** A column mapping (see the imports README), as an object or JSON text. */
  mapping?: object | string;
  timeZone?: string;
  encoding?: ImportEncoding;
}

export interface SendOptions {
  /** Refuse the whole batch when one item is invalid. */
  atomic?: boolean;
  /** A retry with the same key gets the first answer again, without the work being redone. */
  idempotencyKey?: string;
}

export interface IngestionClient {
  /**
   * Sends up to 10,000 items. Invalid items come back in `rejected` (also when all of them are,
   * which the API answers with 400 BATCH_REJECTED); other failures throw IngestionClientError.
   */
  sendBatch<K extends BatchKind>(kind: K, items: readonly BatchItems[K][], options?: SendOptions): Promise<BatchResult>;
  /** Uploads a CSV export; resolves with the job once the file's header was read. */
  startImport(upload: ImportUpload, options?: Pick<SendOptions, 'idempotencyKey'>): Promise<ImportJob>;
  getImport(id: string): Promise<ImportJob>;
  /** Polls the job until it succeeded or failed. */
  waitForImport(id: string, options?: { intervalMs?: number; onProgress?(job: ImportJob): void }): Promise<ImportJob>;
}

export interface IngestionClientOptions {
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
  /** Times a 429 answer is waited out (its retry-after) and the request sent again; default 3. */
  rateLimitRetries?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createIngestionClient(options: IngestionClientOptions): IngestionClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    headers: { 'x-api-key': options.apiKey },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const retries = options.rateLimitRetries ?? 3;

  /** Sends again after a 429, as long as the retries last. */
  async function withRateLimit<T>(
    send: () => Promise<{ data?: T; error?: unknown; response: Response }>,
  ): Promise<{ data?: T; error?: unknown; response: Response }> {
    for (let attempt = 0; ; attempt++) {
      const result = await send();
      if (result.response.status !== 429 || attempt >= retries) return result;
      await sleep(Number(result.response.headers.get('retry-after') || 1) * 1000);
    }
  }

  const api: IngestionClient = {
    async sendBatch(kind, items, sendOptions = {}) {
      const path = BATCH_PATHS[kind] as '/v1/posts:batch';
      const { data, error, response } = await withRateLimit(() =>
        client.POST(path, {
          params: {
            query: sendOptions.atomic ? { atomic: true } : {},
            header: sendOptions.idempotencyKey ? { 'idempotency-key': sendOptions.idempotencyKey } : {},
          },
          body: { items: items as unknown as PostItem[] },
        }),
      );
      if (data) return data;
      const failure = toClientError(response, error);
      if (failure.code === 'BATCH_REJECTED' && !sendOptions.atomic && Array.isArray(failure.details)) {
        return { accepted: 0, duplicates: 0, rejected: failure.details as BatchRejection[] };
      }
      throw failure;
    },

    async startImport(upload, sendOptions = {}) {
      const form = new FormData();
      if (upload.format) form.set('format', upload.format);
      if (upload.mapping) form.set('mapping', typeof upload.mapping === 'string' ? upload.mapping : JSON.stringify(upload.mapping));
      if (upload.timeZone) form.set('timeZone', upload.timeZone);
      if (upload.encoding) form.set('encoding', upload.encoding);
      form.set('file', upload.file, upload.fileName);
      const { data, error, response } = await withRateLimit(() =>
        client.POST('/v1/imports', {
          params: { header: sendOptions.idempotencyKey ? { 'idempotency-key': sendOptions.idempotencyKey } : {} },
          // The generated type describes the form's fields; the form itself goes out as multipart.
          body: form as never,
          bodySerializer: (body: unknown) => body as FormData,
        }),
      );
      if (data) return data;
      throw toClientError(response, error);
    },

    async getImport(id) {
      const { data, error, response } = await withRateLimit(() => client.GET('/v1/imports/{id}', { params: { path: { id } } }));
      if (data) return data;
      throw toClientError(response, error);
    },

    async waitForImport(id, waitOptions = {}) {
      for (;;) {
        const job = await api.getImport(id);
        waitOptions.onProgress?.(job);
        if (job.state === 'succeeded' || job.state === 'failed') return job;
        await sleep(waitOptions.intervalMs ?? 500);
      }
    },
  };
  return api;
}
