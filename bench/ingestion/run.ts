/**
 * Ingestion benchmark: `npx tsx bench/ingestion/run.ts [--rest-items 200000] [--ceiling-events 200000]
 * [--import-rows 1000000] [--batch 10000] [--concurrency 2] [--no-write]`.
 *
 * 1. Ceiling: a bare kafkajs producer sending the same events, already encoded.
 * 2. REST: POST /v1/posts:batch on the ingestion service (real PostgreSQL, real Kafka), items/s
 *    until the last event is acknowledged by Kafka.
 * 3. Import: a generated X export through POST /v1/imports, rows/s and the service's peak RSS.
 * Each run uses its own PostgreSQL schemas and Kafka topic prefix, removed at the end.
 * Writes RESULTS.md beside this file unless --no-write.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { dropTestSchema } from '@herald/db';
import { createKafkaEventBus } from '@herald/event-bus';
import { probeKafka, probePostgres } from '@herald/testing';

import { ANALYSIS } from './analysis.ts';
import { DATABASE_URL, deleteTopics, fmt, KAFKA_BROKERS, peakRssMiB, runNames } from './bench-env.ts';
import { measureCpu } from './cpu-usage.ts';
import { measureImport } from './import-throughput.ts';
import { measureKafkaCeiling } from './kafka-ceiling.ts';
import { measureRest } from './rest-throughput.ts';
import { startService } from './start-service.ts';
import { writeXExport } from './x-export-file.ts';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    'rest-items': { type: 'string', default: '200000' },
    'ceiling-events': { type: 'string', default: '200000' },
    'import-rows': { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '2' },
    'no-write': { type: 'boolean', default: false },
  },
});
const restItems = Number(args['rest-items']);
const ceilingEvents = Number(args['ceiling-events']);
const importRows = Number(args['import-rows']);
const batchSize = Number(args.batch);
const concurrency = Number(args.concurrency);
const SLICE_BYTES = 512 * 1024; // as the event bus sends

await probePostgres(DATABASE_URL).catch((error: unknown) => {
  throw new Error(`PostgreSQL is needed at ${DATABASE_URL}: ${(error as Error).message}`);
});
await probeKafka(KAFKA_BROKERS).catch((error: unknown) => {
  throw new Error(`Kafka is needed at ${KAFKA_BROKERS.join(',')} (bash tools/kafka/start.sh): ${(error as Error).message}`);
});

const names = runNames();
const apiKey = `hk_bench_${names.id}_0123456789abcdef`;
const restSchema = `${names.schema}_rest`;
const importSchema = `${names.schema}_import`;
const exportFile = join(tmpdir(), `herald-bench-x-export-${names.id}.csv`);
const log = (line: string) => process.stderr.write(`${line}\n`);

try {
  const bus = await createKafkaEventBus({ clientId: 'herald-bench-setup', brokers: KAFKA_BROKERS, topicPrefix: names.topicPrefix });
  await bus.ensureTopics();
  await bus.close();

  log(`ceiling: ${fmt(ceilingEvents)} events through a bare kafkajs producer…`);
  const ceiling = await measureKafkaCeiling({ topicPrefix: names.topicPrefix, events: ceilingEvents, sliceBytes: SLICE_BYTES });

  log(`rest: ${fmt(restItems)} posts in batches of ${fmt(batchSize)}, ${concurrency} requests in flight…`);
  const restService = await startService({ schema: restSchema, topicPrefix: names.topicPrefix, apiKey });
  const rest = await measureCpu({ servicePid: restService.child.pid ?? 0, schema: restSchema }, () =>
    measureRest({ service: restService, apiKey, schema: restSchema, run: names.id, items: restItems, batchSize, concurrency }),
  );
  const restRss = peakRssMiB(restService.child.pid ?? 0);
  await restService.stop();

  log(`import: generating a ${fmt(importRows)}-row X export…`);
  const exportBytes = await writeXExport(exportFile, importRows);
  log(`import: uploading ${fmt(exportBytes / 1e6, 1)} MB to POST /v1/imports…`);
  const importService = await startService({ schema: importSchema, topicPrefix: names.topicPrefix, apiKey });
  const imported = await measureCpu({ servicePid: importService.child.pid ?? 0, schema: importSchema }, () =>
    measureImport({ service: importService, apiKey, schema: importSchema, file: exportFile }),
  );
  await importService.stop();

  const perItem = (ms: number, n: number) => `${fmt((ms * 1000) / n)} µs`;
  const ratio = rest.result.itemsPerSecond / ceiling.eventsPerSecond;
  const table = [
    '| measure | result |',
    '| --- | --- |',
    `| Ceiling: bare kafkajs producer, ${fmt(ceilingEvents)} events (idempotent, acks=all, ${SLICE_BYTES / 1024} KB requests) | **${fmt(ceiling.eventsPerSecond)} events/s** |`,
    `| REST: POST /v1/posts:batch → Kafka, ${fmt(restItems)} posts (${fmt(batchSize)} per request, ${concurrency} in flight) | **${fmt(rest.result.itemsPerSecond)} items/s** (${fmt(ratio * 100)}% of the ceiling); answered ${fmt(rest.result.storedPerSecond)} items/s |`,
    `| REST: CPU per item — service / PostgreSQL / Kafka broker / load generator | ${perItem(rest.ms.service, restItems)} / ${perItem(rest.ms.postgres, restItems)} / ${perItem(rest.ms.kafka, restItems)} / ${perItem(rest.ms.client, restItems)} |`,
    `| REST: service peak RSS | ${fmt(restRss)} MiB |`,
    `| Import: ${fmt(importRows)}-row X export (${fmt(exportBytes / 1e6)} MB) through POST /v1/imports | **${fmt(imported.result.rowsPerSecond)} rows/s** to the job's end (${fmt(imported.result.seconds, 1)} s, upload ${fmt(imported.result.uploadSeconds, 1)} s); ${fmt(imported.result.publishedPerSecond)} rows/s until the last event was in Kafka |`,
    `| Import: CPU per row — service / PostgreSQL / Kafka broker | ${perItem(imported.ms.service, importRows)} / ${perItem(imported.ms.postgres, importRows)} / ${perItem(imported.ms.kafka, importRows)} |`,
    `| Import: service peak RSS | **${fmt(imported.result.peakRssMiB)} MiB** |`,
  ];
  const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}, PostgreSQL and Kafka on the same machine`;
  const date = new Date().toISOString().slice(0, 10);
  console.log(`\n${table.join('\n')}\n\n${machine}; ${date}.`);

  if (!args['no-write']) {
    writeFileSync(
      join(here, 'RESULTS.md'),
      [
        '# Ingestion benchmark results',
        '',
        `Produced by \`npx tsx bench/ingestion/run.ts\` on ${date}. Machine: ${machine}. Do not edit the table by hand: re-run the bench.`,
        'PostgreSQL CPU counts the backends that served the run (those whose queries name its schema).',
        '',
        ...table,
        '',
        '## Why the REST path stays below half of the bare producer',
        '',
        ...ANALYSIS,
        '',
      ].join('\n'),
    );
    log(`wrote ${join(here, 'RESULTS.md')}`);
  }
} finally {
  rmSync(exportFile, { force: true });
  for (const schema of [restSchema, importSchema]) await dropTestSchema({ url: DATABASE_URL, schema }).catch(() => undefined);
  await deleteTopics(names.topicPrefix).catch((error: unknown) => log(`could not delete the run's topics: ${(error as Error).message}`));
}
