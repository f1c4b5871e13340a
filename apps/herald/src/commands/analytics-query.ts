import { join } from 'node:path';

import { createAnalyticsDb } from '@herald/analytics-data-access';
import { buildAnalyticsApp } from '@herald/analytics-service';
import { openPGlite } from '@herald/db';
import { createMemoryEventBus } from '@herald/event-bus';
import { generateApiKey } from '@herald/ingestion-service';
import { createLogger, SCOPES } from '@herald/service-kit';

import { CliError, EXIT } from '../cli-error.ts';
import { assertDataDirHasStore, demoApiKey, findRunningStack, requestRunningStack, withDataDirLock } from '../embedded/data-dir.ts';

export type AnalyticsMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AnalyticsQueryOptions {
  dataDir: string;
  /** The workspace read in process. A running `herald start` answers for its demo key's workspace instead. */
  workspaceId: string;
  method?: AnalyticsMethod;
  /** The route, e.g. `/v1/analytics/timeseries`. */
  path: string;
  /** Query parameters; undefined ones are left out. */
  query?: Record<string, string | number | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  /** `text/csv` for a table route's CSV (see libs/analytics/service/src/routes/csv-reply.ts); `body` is then the text. */
  accept?: 'application/json' | 'text/csv';
  /** API field → CLI flag, e.g. `{ 'query.from': '--from' }`: a 400 then names the flag the user typed. */
  flags?: Record<string, string>;
}

export interface AnalyticsAnswer<T> {
  status: number;
  /** The parsed JSON (the raw text for `accept: 'text/csv'`). */
  body: T;
  text: string;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { field?: string; message?: string }[] };
}

/**
 * Calls an analytics API route the way `curl` would, so a CLI command prints exactly the API's JSON.
 *
 * - A running `herald start` on the data dir: the request goes to its analytics URL over HTTP with the
 *   demo key (so its workspace is the demo key's, whatever `workspaceId` says).
 * - Otherwise: the analytics app is built in this process over the embedded PGlite store (the data dir is
 *   locked meanwhile, so `herald start` cannot open it) and answers through `app.inject`. Same routes,
 *   same schemas, same JSON; the key is not checked (whoever can read the data dir can read the files).
 *
 * A 4xx becomes a CliError with EXIT.usage whose message names the CLI flag: each `details[].field`
 * (`query.from`) is looked up in `flags` (falls back to the field itself), e.g.
 * `--from: "2026-13-01" is not a real date`. A 401/403, a 5xx or a body that is not JSON becomes a
 * CliError (EXIT.failed) naming the URL and the status. Use it like:
 *
 * ```ts
 * const { body } = await queryAnalytics<Timeseries>({
 *   dataDir, workspaceId, path: '/v1/analytics/timeseries',
 *   query: { from, to, interval }, flags: { 'query.from': '--from', 'query.to': '--to', 'query.interval': '--interval' },
 * });
 * ```
 */
export async function queryAnalytics<T>(options: AnalyticsQueryOptions): Promise<AnalyticsAnswer<T>> {
  const method = options.method ?? 'GET';
  const accept = options.accept ?? 'application/json';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(options.query ?? {})) if (value !== undefined) search.append(name, String(value));
  const target = `${options.path}${search.size ? `?${search}` : ''}`;
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { accept, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) };

  const running = findRunningStack(options.dataDir);
  let answer: { status: number; text: string; where: string };
  if (running?.urls.analytics) {
    const url = `${running.urls.analytics}${target}`;
    const res = await requestRunningStack(running, url, {
      method,
      headers: { ...headers, 'x-api-key': demoApiKey(options.dataDir, generateApiKey) },
      ...(payload === undefined ? {} : { body: payload }),
    });
    answer = { status: res.status, text: await res.text(), where: url };
  } else {
    assertDataDirHasStore(options.dataDir);
    answer = await withDataDirLock(options.dataDir, () => injectInProcess(options, { method, target, headers, payload }));
  }
  return answerOf<T>(answer, options, accept);
}

async function injectInProcess(
  options: AnalyticsQueryOptions,
  request: { method: AnalyticsMethod; target: string; headers: Record<string, string>; payload: string | undefined },
): Promise<{ status: number; text: string; where: string }> {
  const logger = createLogger({ name: 'herald', level: 'silent' });
  const pglite = openPGlite({ dataDir: join(options.dataDir, 'pglite') });
  const db = createAnalyticsDb({ kind: 'pglite', pglite });
  const bus = createMemoryEventBus({ logger });
  let app: Awaited<ReturnType<typeof buildAnalyticsApp>> | undefined;
  try {
    await db.migrate();
    const { workspaceId } = options;
    app = await buildAnalyticsApp({ logger, db, bus, verifyKey: async () => ({ workspaceId, keyId: 'cli', scopes: [...SCOPES] }) });
    const res = await app.inject({
      method: request.method,
      url: request.target,
      headers: { ...request.headers, 'x-api-key': 'cli' },
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
    return { status: res.statusCode, text: res.body, where: `analytics (in process) ${request.method} ${request.target}` };
  } finally {
    await app?.close();
    await bus.close();
    await db.close();
    await pglite.close();
  }
}

function answerOf<T>(answer: { status: number; text: string; where: string }, options: AnalyticsQueryOptions, accept: string): AnalyticsAnswer<T> {
  const { status, text, where } = answer;
  if (status >= 200 && status < 300) {
    if (accept === 'text/csv') return { status, body: text as T, text };
    try {
      return { status, body: (text ? JSON.parse(text) : null) as T, text };
    } catch {
      throw new CliError(`${where} answered ${status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
  }
  let error: ErrorBody['error'];
  try {
    error = (JSON.parse(text) as ErrorBody).error;
  } catch {
    // not JSON: shown as it came below
  }
  // 401/403 are the key's doing, not the command's: told like a 5xx, with the URL.
  if (status >= 400 && status < 500 && status !== 401 && status !== 403) {
    const details = (error?.details ?? []).flatMap((d) => (d.field ? [{ field: d.field, message: d.message ?? 'is invalid' }] : []));
    if (details.length) throw new CliError(details.map((d) => flagMessage(d.field, d.message, options.flags)).join('; '), EXIT.usage);
    if (error?.message) throw new CliError(`${error.message}${error.code ? ` (${error.code})` : ''}`, EXIT.usage);
  }
  const reason = error?.message ? `${error.message}${error.code ? ` (${error.code})` : ''}` : text.slice(0, 300);
  throw new CliError(`${where} answered ${status}: ${reason}`);
}

/** `query.from` + `from: "x" is not a date` → `--from: "x" is not a date` (the API repeats the field's name first). */
function flagMessage(field: string, message: string, flags: Record<string, string> = {}): string {
  const name = field.split('.').pop() ?? field;
  const text = message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
  return `${flags[field] ?? field}: ${text}`;
}

/** The API's query fields as the analytics commands' flags. */
export const PERIOD_FLAGS: Record<string, string> = {
  'query.from': '--from',
  'query.to': '--to',
  'query.timeZone': '--time-zone',
  'query.network': '--network',
  'query.interval': '--interval',
  'query.by': '--by',
  'query.at': '--at',
  'query.limit': '--limit',
  'query.metric': '--metric',
};
