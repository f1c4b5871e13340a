/**
 * End-to-end pipeline benchmark: posts sent to ingestion's REST batch endpoint travel through
 * the outbox, real Kafka and the analytics consumer into PostgreSQL. Measures the sustained rate
 * and, per batch, the latency from the request to the moment the summary counts it.
 *
 *   npx tsx bench/pipeline/run.ts [batches=40] [batchSize=1000]
 *
 * Needs Kafka (KAFKA_BROKERS, default 127.0.0.1:9092; `bash tools/kafka/start.sh`) and PostgreSQL
 * (HERALD_TEST_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/test).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

import pg from 'pg';

const root = fileURLToPath(new URL('../../', import.meta.url));
const batches = Number(process.argv[2] ?? 40);
const batchSize = Number(process.argv[3] ?? 1000);
const run = `bench_${Date.now().toString(36)}`;
const databaseUrl = process.env.HERALD_TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const apiKey = `hk_${randomBytes(24).toString('base64url')}`;
const DAY = 86_400_000;
const base = Date.UTC(2026, 0, 1);

function startService(name: string, port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', `apps/${name}/src/main.ts`], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: `${run}_${name}`,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
      HERALD_TOPIC_PREFIX: `${run}.`,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 90_000;
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error(`${name} exited with ${child.exitCode}`));
      if (
        await fetch(`http://127.0.0.1:${port}/ready`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return resolve(child);
      if (Date.now() > deadline) return reject(new Error(`${name} not ready`));
      setTimeout(poll, 200);
    };
    void poll();
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const ingestion = await startService('ingestion', 3901, { HERALD_BOOTSTRAP_WORKSPACE: 'bench', HERALD_API_KEY: apiKey, RATE_LIMIT_PER_MINUTE: '100000' });
const analytics = await startService('analytics', 3903, {});

const queryable = new Map<number, number>();
const sentAt = new Map<number, number>();
const countOn = async (day: number) => {
  const from = new Date(base + day * DAY).toISOString();
  const to = new Date(base + (day + 1) * DAY).toISOString();
  const res = await fetch(`http://127.0.0.1:3903/v1/analytics/summary?workspaceId=bench&from=${from}&to=${to}`);
  return ((await res.json()) as { posts: number }).posts;
};
// Watches every batch sent and not yet counted, and notes when analytics first counts it whole.
let watching = true;
const watcher = (async () => {
  while (watching) {
    await Promise.all(
      [...sentAt.keys()]
        .filter((d) => !queryable.has(d))
        .map(async (d) => {
          if ((await countOn(d)) >= batchSize) queryable.set(d, performance.now());
        }),
    );
    await new Promise((r) => setTimeout(r, 20));
  }
})();

const started = performance.now();
let accepted = 0;
for (let b = 0; b < batches; b++) {
  const items = Array.from({ length: batchSize }, (_, i) => ({
    network: 'x',
    networkPostId: `${b}${String(i).padStart(8, '0')}`,
    publishedAt: new Date(base + b * DAY + i * 1000).toISOString(),
    text: `Benchmark post ${b}-${i} #herald`,
    contentType: 'text',
    tags: ['bench'],
    metrics: { capturedAt: new Date(base + b * DAY + DAY - 1).toISOString(), impressions: 100 + i, engagements: 5 },
  }));
  sentAt.set(b, performance.now());
  const res = await fetch('http://127.0.0.1:3901/v1/posts:batch', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ items }),
  });
  if (!res.ok) throw new Error(`batch ${b}: ${res.status} ${await res.text()}`);
  accepted += ((await res.json()) as { accepted: number }).accepted;
}
const sentAll = performance.now();
while (queryable.size < batches) await new Promise((r) => setTimeout(r, 50));
const done = performance.now();
watching = false;
await watcher;

const latencies = [...sentAt].map(([d, t]) => queryable.get(d)! - t).sort((a, b) => a - b);
const items = batches * batchSize;
const rows = [
  ['items', String(items)],
  ['accepted by ingestion', String(accepted)],
  ['REST rate (accepted, outbox committed, published)', `${Math.round(items / ((sentAll - started) / 1000))} items/s`],
  ['end-to-end rate (queryable in analytics)', `${Math.round(items / ((done - started) / 1000))} items/s`],
  [`latency request → queryable, per ${batchSize}-item batch: p50`, `${Math.round(percentile(latencies, 50))} ms`],
  ['p99', `${Math.round(percentile(latencies, 99))} ms`],
];
console.log(
  `\nHerald pipeline benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Kafka and PostgreSQL on the same machine`,
);
for (const [k, v] of rows) console.log(`  ${k!.padEnd(58)} ${v}`);

ingestion.kill('SIGTERM');
analytics.kill('SIGTERM');
await new Promise((r) => setTimeout(r, 2000));
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
for (const s of ['ingestion', 'analytics']) await client.query(`DROP SCHEMA IF EXISTS "${run}_${s}" CASCADE`);
await client.end();
