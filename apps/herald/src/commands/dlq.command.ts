import { generateApiKey } from '@herald/ingestion-service';

import { CliError } from '../cli-error.ts';
import { DLQ_SERVICES, type DlqService } from '../cli-options.ts';
import { openCommandStack } from '../embedded/command-stack.ts';
import { assertDataDirHasStore, demoApiKey, findRunningStack, requestRunningStack, type RunningStack } from '../embedded/data-dir.ts';

export interface DlqOptions {
  dataDir: string;
  workspaceId: string;
  service?: DlqService;
}

export interface DeadLetterView {
  id: string;
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  eventId: string | null;
  eventType: string | null;
  errorCode: string;
  errorMessage: string;
  failures: number;
  firstFailedAt: string;
  lastFailedAt: string;
  replayedAt: string | null;
}

export interface ListedLetter extends DeadLetterView {
  service: DlqService;
}

export interface ReplayResult {
  id: string;
  service: DlqService;
  ok: boolean;
  error?: string;
}

interface Connection {
  urls: Record<DlqService, string>;
  headers: Record<string, string>;
  /** The `herald start` asked, if one runs. */
  running?: RunningStack;
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** The running `herald start` when there is one, else the embedded stack opened on the data dir for this command. */
async function connect(options: DlqOptions): Promise<Connection> {
  const none = async () => undefined;
  // The workspace is the demo key's: the services take it from the key, never from the caller.
  const headersOf = (apiKey: string) => ({ 'x-api-key': apiKey });
  const running = findRunningStack(options.dataDir);
  if (running?.urls.analytics) {
    return {
      urls: { analytics: running.urls.analytics, listening: running.urls.listening },
      headers: headersOf(demoApiKey(options.dataDir, generateApiKey)),
      running,
      settle: none,
      close: none,
    };
  }
  // Starting the stack on a folder where herald never ran would make an empty one to list nothing from.
  assertDataDirHasStore(options.dataDir);
  const stack = await openCommandStack(options);
  return {
    urls: { analytics: stack.urls.analytics, listening: stack.urls.listening },
    headers: headersOf(stack.apiKey),
    settle: stack.settle,
    close: stack.close,
  };
}

async function call<T>(connection: Connection, url: string, init: { method?: string } = {}): Promise<{ status: number; body: T }> {
  const request = { method: init.method ?? 'GET', headers: connection.headers };
  const res = connection.running ? await requestRunningStack(connection.running, url, request) : await fetch(url, request);
  const text = await res.text();
  try {
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  } catch {
    throw new CliError(`${new URL(url).origin} answered ${res.status} with something other than JSON: ${text.slice(0, 200)}`);
  }
}

async function listWith(connection: Connection, options: DlqOptions): Promise<ListedLetter[]> {
  const services = options.service ? [options.service] : DLQ_SERVICES;
  const lists = await Promise.all(
    services.map(async (service) => {
      const res = await call<{ items: DeadLetterView[]; error?: { code: string; message: string } }>(
        connection,
        `${connection.urls[service]}/v1/admin/dead-letters`,
      );
      if (res.status !== 200)
        throw new CliError(
          `${service} answered ${res.status}: ${res.body?.error ? `${res.body.error.message} (${res.body.error.code})` : JSON.stringify(res.body)}`,
        );
      return res.body.items.map((l) => ({ ...l, service }));
    }),
  );
  return lists.flat().sort((a, b) => b.firstFailedAt.localeCompare(a.firstFailedAt));
}

/** Every dead letter of the workspace, newest first, from analytics and listening (or the one named). */
export async function listDeadLetters(options: DlqOptions): Promise<ListedLetter[]> {
  const connection = await connect(options);
  try {
    return await listWith(connection, options);
  } finally {
    await connection.close();
  }
}

/**
 * Replays the dead letter `id`, or, without one, every letter not replayed yet. The consumers'
 * handlers are idempotent by event id, so replaying one twice changes nothing.
 */
export async function replayDeadLetters(options: DlqOptions & { id?: string }): Promise<ReplayResult[]> {
  const connection = await connect(options);
  try {
    const letters = await listWith(connection, options);
    const chosen = options.id ? letters.filter((l) => l.id === options.id) : letters.filter((l) => l.replayedAt === null);
    if (options.id && chosen.length === 0) throw new CliError(`no dead letter ${options.id} in workspace "${options.workspaceId}"`);
    const results: ReplayResult[] = [];
    for (const letter of chosen) {
      const res = await call<{ error?: { code: string; message: string } }>(
        connection,
        `${connection.urls[letter.service]}/v1/admin/dead-letters/${letter.id}/replay`,
        { method: 'POST' },
      );
      results.push({
        id: letter.id,
        service: letter.service,
        ok: res.status === 200,
        ...(res.status === 200 ? {} : { error: res.body?.error?.message ?? `answered ${res.status}` }),
      });
    }
    // What the replays published (listening's analyses) reaches analytics before the stack closes.
    await connection.settle();
    return results;
  } finally {
    await connection.close();
  }
}

export function formatDeadLetters(letters: readonly ListedLetter[], options: { json: boolean }): string {
  if (options.json) return `${JSON.stringify(letters)}\n`;
  if (letters.length === 0) return 'No dead letters.\n';
  return (
    letters
      .map(
        (l) =>
          `${l.id}  ${l.service.padEnd(9)} ${l.replayedAt ? 'replayed' : 'waiting '}  ${l.topic}[${l.partition}]@${l.offset}  ${l.eventType ?? '(not an event)'} ${l.eventId ?? ''}\n` +
          `    ${l.errorCode}: ${l.errorMessage}  (failed ${l.failures}×, first ${l.firstFailedAt}, last ${l.lastFailedAt})`,
      )
      .join('\n') + '\n'
  );
}

export function formatReplays(results: readonly ReplayResult[], options: { json: boolean }): string {
  if (options.json) return `${JSON.stringify(results)}\n`;
  if (results.length === 0) return 'Nothing to replay.\n';
  return results.map((r) => `${r.id}  ${r.service.padEnd(9)} ${r.ok ? 'replayed' : `failed again: ${r.error}`}`).join('\n') + '\n';
}
