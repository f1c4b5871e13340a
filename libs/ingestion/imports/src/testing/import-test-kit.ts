import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { isImportError, type ImportErrorCode } from '../import-error.ts';
import type { ImportRecord } from '../import-record.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../../../..');

export const FIXTURES = resolve(here, '../../fixtures');

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** The shared real samples: `HERALD_SHARED_DATA`, else `../shared/data` beside the repository. */
export function sharedExportsDir(): string | undefined {
  const root = process.env['HERALD_SHARED_DATA'] || resolve(repoRoot, '../shared/data');
  const dir = join(root, 'exports');
  if (existsSync(dir)) return dir;
  if (process.env['CI'] === 'true' || process.env['CI'] === '1') throw new Error(`The shared export samples are missing: ${dir}`);
  console.warn(`Skipping real-sample tests: ${dir} not found (set HERALD_SHARED_DATA)`);
  return undefined;
}

/** Bytes cut into chunks of `size`, to show that rows, quotes and multi-byte characters survive any chunk boundary. */
export function chunked(data: string | Uint8Array, size = 64 * 1024): Buffer[] {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  const out: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
}

export async function collect(records: AsyncIterable<ImportRecord>): Promise<ImportRecord[]> {
  const out: ImportRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

/** Runs an import to its end and returns the ImportError it threw, with whatever it yielded first. */
export async function failure(records: AsyncIterable<ImportRecord>, code: ImportErrorCode) {
  const yielded: ImportRecord[] = [];
  try {
    for await (const r of records) yielded.push(r);
  } catch (error) {
    if (!isImportError(error)) throw error;
    if (error.code !== code) throw new Error(`Expected ${code}, got ${error.code}: ${error.message}`);
    return { error, yielded };
  }
  throw new Error(`Expected ${code}, but the import finished with ${yielded.length} records`);
}

export function ofKind<K extends ImportRecord['kind']>(records: ImportRecord[], kind: K): Extract<ImportRecord, { kind: K }>[] {
  return records.filter((r): r is Extract<ImportRecord, { kind: K }> => r.kind === kind);
}
