/**
 * Throughput and memory of parseExport on a generated X tweet-activity export.
 *   npx tsx bench/bench-x-export.ts [rows=1000000]
 * The file is written to the temp folder first so that generating it is not timed.
 */
import { createReadStream, createWriteStream, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

import { ImportTally, parseExport } from '../src/index.ts';
import { generateXExport } from './generate-x-export.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const file = join(tmpdir(), `herald-bench-x-${process.pid}.csv`);
await pipeline(generateXExport(rows), createWriteStream(file));
const mb = statSync(file).size / 1e6;

const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
let peakRss = 0;
const samples: string[] = [];
const tally = new ImportTally();
const started = performance.now();
let seen = 0;
for await (const record of parseExport(createReadStream(file, { highWaterMark: 256 * 1024 }), { capturedAt: '2022-01-01T00:00:00Z' })) {
  tally.add(record);
  if (++seen % 50_000 === 0) {
    const rss = process.memoryUsage().rss;
    peakRss = Math.max(peakRss, rss);
    if (seen % 200_000 === 0) samples.push(`${seen}: rss ${mib(rss)}, heap ${mib(process.memoryUsage().heapUsed)}`);
  }
}
const seconds = (performance.now() - started) / 1000;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
unlinkSync(file);

const s = tally.summary;
console.log(`file: ${rows.toLocaleString('en')} rows, ${mb.toFixed(0)} MB`);
console.log(`posts ${s.posts}, snapshots ${s.metricSnapshots}, rejected ${s.rejected}, duplicates ${s.duplicates}`);
console.log(`time ${seconds.toFixed(1)} s: ${Math.round(rows / seconds).toLocaleString('en')} rows/s, ${(mb / seconds).toFixed(1)} MB/s`);
console.log(`peak RSS ${mib(peakRss)}`);
for (const line of samples) console.log(`  ${line}`);
if (s.posts !== rows) process.exitCode = 1;
