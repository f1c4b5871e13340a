import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

// The same generator the imports lib benchmarks its parser with, so both benches read one file format.
import { generateXExport } from '@herald/ingestion-imports/bench';

/**
 * Writes an X tweet-activity export of `rows` tweets (the real export's 40 columns, quoted
 * fields, emoji, embedded line breaks), newest first as X writes them; returns its size in bytes.
 */
export async function writeXExport(path: string, rows: number, start = Date.UTC(2025, 11, 1)): Promise<number> {
  let bytes = 0;
  const source = generateXExport(rows, start);
  source.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  await pipeline(source, createWriteStream(path));
  return bytes;
}
