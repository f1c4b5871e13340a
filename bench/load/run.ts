/**
 * Load benchmark: `npx tsx bench/load/run.ts [--seconds 20] [--batch-rate 20] [--batch-size 100]
 * [--read-rate 100] [--connections 8] [--no-write]`.
 *
 * The four services run as their own processes on real Kafka and PostgreSQL (the e2e stack), and
 * autocannon holds a steady request rate on loopback for a bounded time:
 *   1. POST /v1/posts:batch, each request new posts (so every one is stored and published);
 *   2. the read endpoints a report or a deck calls: analytics and listening summaries, mentions.
 * Reports p50/p97.5/p99 latency, requests answered, non-2xx answers and socket errors. Writes
 * RESULTS.md beside this file unless --no-write. Bounded: every phase stops after --seconds.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import autocannon from 'autocannon';

import { probeKafka, probePostgres, testKafkaBrokers, testPostgresUrl } from '@herald/testing';

import { api, createTestStack, eventually } from '@herald/e2e/stack';
import { deleteTopics, fmt } from '../ingestion/bench-env.ts';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    'batch-rate': { type: 'string', default: '20' },
    'batch-size': { type: 'string', default: '100' },
    'read-rate': { type: 'string', default: '100' },
    connections: { type: 'string', default: '8' },
    'seed-posts': { type: 'string', default: '5000' },
    'no-write': { type: 'boolean', default: false },
  },
});
const seconds = Number(args.seconds);
const batchRate = Number(args['batch-rate']);
const batchSize = Number(args['batch-size']);
const readRate = Number(args['read-rate']);
const connections = Number(args.connections);
const seedPosts = Number(args['seed-posts']);
const log = (line: string) => process.stderr.write(`${line}\n`);

await probePostgres(testPostgresUrl()).catch((error: unknown) => {
  throw new Error(`PostgreSQL is needed at ${testPostgresUrl()}: ${(error as Error).message}`);
});
await probeKafka(testKafkaBrokers()).catch((error: unknown) => {
  throw new Error(`Kafka is needed at ${testKafkaBrokers().join(',')} (npm run kafka:start): ${(error as Error).message}`);
});

const post = (id: string, i: number) => ({
  network: 'x',
  networkPostId: id,
  publishedAt: new Date(Date.UTC(2026, 10, 1) + (i % (29 * 24)) * 3_600_000).toISOString(),
  text: `Load test post ${id}: what the team shipped this week`,
  contentType: 'text',
  tags: ['load'],
  metrics: { capturedAt: '2026-12-01T00:00:00Z', impressions: 1000 + (i % 97), engagements: 40 + (i % 13) },
});
const mention = (i: number) => ({
  network: 'x',
  networkMentionId: `load-m-${i}`,
  kind: 'mention',
  text: i % 3 ? 'Love how fast the new board view is' : 'The sync has been slow and frustrating all week',
  occurredAt: new Date(Date.UTC(2026, 10, 1) + (i % (29 * 24)) * 3_600_000).toISOString(),
});

interface Measured {
  what: string;
  rate: number;
  answeredPerSecond: number;
  requests: number;
  p50: number;
  p975: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function hold(what: string, options: autocannon.Options, rate: number): Promise<Measured> {
  log(`${what}: ${rate} requests/s for ${seconds} s…`);
  const result = await autocannon({ connections, duration: seconds, overallRate: rate, ...options });
  return {
    what,
    rate,
    answeredPerSecond: result.requests.total / seconds,
    requests: result.requests.total,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const stack = createTestStack('bench_load');
try {
  await Promise.all([stack.start('ingestion'), stack.start('listening'), stack.start('analytics')]);
  await stack.start('deck-builder');
  const { ingestion, listening, analytics } = stack.services as Required<typeof stack.services>;
  const headers = { 'content-type': 'application/json', 'x-api-key': stack.apiKey };

  log(`seeding ${fmt(seedPosts)} posts and as many mentions…`);
  for (let i = 0; i < seedPosts; i += 1000) {
    const n = Math.min(1000, seedPosts - i);
    const posts = Array.from({ length: n }, (_, k) => post(`seed-${i + k}`, i + k));
    const mentions = Array.from({ length: n }, (_, k) => mention(i + k));
    for (const [path, items] of [
      ['/v1/posts:batch', posts],
      ['/v1/mentions:batch', mentions],
    ] as const) {
      const res = await api(`${ingestion.url}${path}`, { body: { items }, apiKey: stack.apiKey });
      if (res.status !== 200) throw new Error(`seeding ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
  }
  const summaryPath = '/v1/analytics/summary?from=2026-11-01&to=2026-12-01';
  await eventually(
    async () => {
      const res = await api<{ posts: number; mentions: number }>(`${analytics.url}${summaryPath}`, { apiKey: stack.apiKey });
      if (res.status !== 200 || !(res.body.posts >= seedPosts && res.body.mentions >= seedPosts)) throw new Error(`analytics has ${JSON.stringify(res.body)}`);
    },
    { timeoutMs: 300_000, intervalMs: 1000 },
  );

  let sent = 0;
  const batch = await hold(
    `POST /v1/posts:batch (${batchSize} new posts each)`,
    {
      url: ingestion.url,
      requests: [
        {
          method: 'POST',
          path: '/v1/posts:batch',
          headers,
          setupRequest: (request) => {
            const start = sent;
            sent += batchSize;
            const items = Array.from({ length: batchSize }, (_, k) => post(`load-${start + k}`, start + k));
            return { ...request, body: JSON.stringify({ items }) };
          },
        },
      ],
    },
    batchRate,
  );
  const reads = [
    await hold('GET /v1/analytics/summary (a month)', { url: `${analytics.url}${summaryPath}`, headers }, readRate),
    await hold('GET /v1/listening/summary (a month)', { url: `${listening.url}/v1/listening/summary?from=2026-11-01&to=2026-12-01`, headers }, readRate),
    await hold('GET /v1/listening/mentions (first page)', { url: `${listening.url}/v1/listening/mentions?limit=50`, headers }, readRate),
  ];

  const ms = (n: number) => `${fmt(n)} ms`;
  const table = [
    '| endpoint | rate asked | answered/s | requests | p50 | p97.5 | p99 | non-2xx | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...[batch, ...reads].map(
      (m) =>
        `| ${m.what} | ${fmt(m.rate)}/s | ${fmt(m.answeredPerSecond)}/s | ${fmt(m.requests)} | ${ms(m.p50)} | ${ms(m.p975)} | ${ms(m.p99)} | ${fmt(m.non2xx)} | ${fmt(m.errors)} |`,
    ),
  ];
  const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}; the four services, Kafka, PostgreSQL and the load generator on the same machine`;
  const date = new Date().toISOString().slice(0, 10);
  console.log(
    `\n${table.join('\n')}\n\n${machine}; ${date}. ${seconds} s per row, ${connections} connections, after seeding ${fmt(seedPosts)} posts and ${fmt(seedPosts)} mentions.`,
  );
  const failed = [batch, ...reads].filter((m) => m.non2xx > 0 || m.errors > 0);
  // A rate the services could not keep up with is a result worth writing down, errors are not.
  const slower = [batch, ...reads].filter((m) => m.answeredPerSecond < 0.95 * m.rate);
  if (slower.length) log(`rate not held by: ${slower.map((m) => m.what).join('; ')}`);
  if (failed.length) {
    process.exitCode = 1;
    log(`not held: ${failed.map((m) => m.what).join('; ')} answered errors — nothing written`);
  } else if (!args['no-write']) {
    writeFileSync(
      join(here, 'RESULTS.md'),
      [
        '# Load benchmark results',
        '',
        `Produced by \`npx tsx bench/load/run.ts\` on ${date}. Machine: ${machine}. Do not edit the table by hand: re-run the bench.`,
        `Each row holds its rate for ${seconds} s with ${connections} connections, after seeding ${fmt(seedPosts)} posts and ${fmt(seedPosts)} mentions.`,
        '',
        ...table,
        '',
      ].join('\n'),
    );
    log(`wrote ${join(here, 'RESULTS.md')}`);
  }
} finally {
  await stack.stop();
  // The run's own prefix only: an empty one would name every topic on the broker.
  const prefix = stack.env.HERALD_TOPIC_PREFIX;
  if (prefix) await deleteTopics(prefix).catch((error: unknown) => log(`could not delete the run's topics: ${(error as Error).message}`));
}
