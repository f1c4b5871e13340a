import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { generateApiKey } from '@herald/ingestion-service';
import { createLogger } from '@herald/service-kit';

import { claimDataDir, demoApiKey } from '../embedded/data-dir.ts';
import { startEmbeddedStack } from '../embedded/embedded-stack.ts';
import { loadSampleData } from '../embedded/load-sample-data.ts';

export interface StartOptions {
  dataDir: string;
  host: string;
  port: number;
  workspaceId: string;
  sample: boolean;
  logLevel: string;
}

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function post<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

export async function runStart(options: StartOptions): Promise<void> {
  const started = Date.now();
  const logger = createLogger({ name: 'herald', level: options.logLevel });
  const apiKey = demoApiKey(options.dataDir, generateApiKey);
  const state = { pid: process.pid, workspaceId: options.workspaceId, urls: { ingestion: '', listening: '', analytics: '', deck: '' } };
  let release = claimDataDir(options.dataDir, state);
  const p = options.port;
  const stack = await startEmbeddedStack({
    dataDir: options.dataDir,
    host: options.host,
    ports: p === 0 ? { ingestion: 0, listening: 0, analytics: 0, deck: 0 } : { ingestion: p, listening: p + 1, analytics: p + 2, deck: p + 3 },
    workspaceId: options.workspaceId,
    apiKey,
    logger,
  }).catch((error: unknown) => {
    release();
    throw error;
  });
  release();
  release = claimDataDir(options.dataDir, { ...state, urls: stack.urls });

  const shutdown = async (signal: string) => {
    process.stdout.write(`\n${signal}: stopping herald…\n`);
    await stack.close();
    release();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const marker = join(options.dataDir, 'sample-loaded');
  if (options.sample && !existsSync(marker)) {
    const counts = await loadSampleData({
      ingestionUrl: stack.urls.ingestion,
      listeningUrl: stack.urls.listening,
      apiKey,
      workspaceId: options.workspaceId,
      now: new Date(),
    });
    writeFileSync(marker, `${new Date().toISOString()} ${JSON.stringify(counts)}\n`);
    process.stdout.write(`sample data     loaded ${counts.posts} posts and ${counts.mentions} mentions\n`);
  }
  await stack.settle();

  // The last 30 full days and today.
  const to = new Date(Date.parse(isoDay(new Date())) + DAY);
  const from = new Date(to.getTime() - 30 * DAY);
  const deck = await post<{ shareUrl: string }>(
    `${stack.urls.deck}/v1/decks`,
    { from: isoDay(from), to: isoDay(to), audience: 'executive' },
    { 'x-api-key': apiKey },
  );

  const line = (name: string, url: string) => `${name.padEnd(15)} ${url.padEnd(26)} API docs ${url}/docs\n`;
  process.stdout.write(
    line('ingestion', stack.urls.ingestion) +
      line('listening', stack.urls.listening) +
      line('analytics', stack.urls.analytics) +
      line('deck-builder', stack.urls.deck) +
      `deck            ${new URL(deck.shareUrl, stack.urls.deck).toString()}\n` +
      `api key         ${apiKey} (workspace "${options.workspaceId}", header x-api-key)\n` +
      `data            ${options.dataDir}\n` +
      `ready in ${((Date.now() - started) / 1000).toFixed(1)} s — Ctrl+C stops herald\n`,
  );
}
