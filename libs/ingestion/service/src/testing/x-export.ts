import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const X_HEADER =
  '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","engagement rate","retweets","replies","likes","user profile clicks","url clicks","hashtag clicks","detail expands","permalink clicks","app opens","app installs","follows","email tweet","dial phone","media views","media engagements","promoted impressions","promoted engagements","promoted engagement rate","promoted retweets","promoted replies","promoted likes","promoted user profile clicks","promoted url clicks","promoted hashtag clicks","promoted detail expands","promoted permalink clicks","promoted app opens","promoted app installs","promoted follows","promoted email tweet","promoted dial phone","promoted media views","promoted media engagements"';

const PROMOTED = Array.from({ length: 18 }, () => '"-"').join(',');

/** One row of an X tweet-activity export: tweet `n`, posted n minutes before 2025-12-01. */
export function xRow(n: number, options: { text?: string; impressions?: string } = {}): string {
  const at = new Date(Date.UTC(2025, 11, 1) - n * 60_000).toISOString();
  const id = String(1_800_000_000_000_000_000n + BigInt(n));
  return (
    `"${id}","https://twitter.com/heraldhq/status/${id}","${options.text ?? `Tweet number ${n}`}","${at.slice(0, 10)} ${at.slice(11, 16)} +0000",` +
    `"${options.impressions ?? `${100 + n}.0`}","${n % 50}.0","0.1","1.0","2.0","3.0","0.0","0.0","0.0","0.0","0.0","0","0","0","0","0","0","0",${PROMOTED}`
  );
}

export const xExport = (rows: string[]): string => `${X_HEADER}\n${rows.join('\n')}\n`;

/** The shared real samples (`HERALD_SHARED_DATA`, else `../shared/data` beside the repository), when present. */
export function sharedXExport(name: string): string | undefined {
  const root = process.env['HERALD_SHARED_DATA'] || resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../../shared/data');
  const path = join(root, 'exports', 'x-twitter', name);
  if (existsSync(path)) return path;
  if (process.env['CI'] === 'true' || process.env['CI'] === '1') throw new Error(`The shared export samples are missing: ${path}`);
  console.warn(`Skipping real-sample tests: ${path} not found (set HERALD_SHARED_DATA)`);
  return undefined;
}
