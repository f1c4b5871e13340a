/**
 * Analytics reporting benchmark: `npx tsx bench/analytics/run.ts [--posts 1000000]
 * [--snapshots-per-post 10] [--workspaces 50] [--mentions <posts>] [--requests 50] [--warmup 5]
 * [--transport both|inject|http] [--small] [--reuse] [--drop] [--no-write]`.
 *
 * Seeds a dedicated schema (HERALD_BENCH_SCHEMA, default herald_bench_analytics, dropped and
 * recreated at start) of the test PostgreSQL (HERALD_TEST_DATABASE_URL) inside PostgreSQL, then
 * builds the analytics app in process (buildAnalyticsApp) and times, one request at a time, the
 * report endpoints over one quarter of one workspace: summary, timeseries by day, breakdown by
 * network, best times and the goals list with three goals. Checks the summary against a direct SQL
 * computation, EXPLAINs the slowest query of every endpoint whose p95 is above 200 ms, and writes
 * RESULTS.md beside this file (not with --small, unless --write).
 *
 * --small: 20,000 posts in 5 workspaces, 10 requests after 2 warm-ups: a quick check of the bench.
 * --reuse: keep the schema seeded by the previous run of the same sizes (no seed time reported).
 * --drop: drop the schema at the end (kept by default, for EXPLAINs by hand).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { createAnalyticsDb } from '@herald/analytics-data-access';
import { SETTLING_DAYS } from '@herald/analytics-metrics';
import { buildAnalyticsApp } from '@herald/analytics-service';
import { dropTestSchema } from '@herald/db';
import { createMemoryEventBus } from '@herald/event-bus';
import { createLogger, type Principal } from '@herald/service-kit';
import { probePostgres, testPostgresUrl } from '@herald/testing';

import { fmt } from '../ingestion/bench-env.ts';
import { seed, workspaceName, type SeedStep } from './seed.ts';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    posts: { type: 'string' },
    'snapshots-per-post': { type: 'string' },
    workspaces: { type: 'string' },
    mentions: { type: 'string' },
    requests: { type: 'string' },
    warmup: { type: 'string' },
    transport: { type: 'string', default: process.env.BENCH_TRANSPORT ?? 'both' },
    small: { type: 'boolean', default: process.env.BENCH_SMALL === '1' },
    reuse: { type: 'boolean', default: false },
    drop: { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    endpoints: { type: 'string', default: process.env.BENCH_ENDPOINTS ?? 'summary,timeseries,breakdown,best-times,goals' },
  },
});
const small = args.small;
const num = (flag: string | undefined, env: string, full: number, quick: number) => Number(flag ?? process.env[env] ?? (small ? quick : full));
const sizes = {
  posts: num(args.posts, 'BENCH_POSTS', 1_000_000, 20_000),
  snapshotsPerPost: num(args['snapshots-per-post'], 'BENCH_SNAPSHOTS_PER_POST', 10, 10),
  workspaces: num(args.workspaces, 'BENCH_WORKSPACES', 50, 5),
  mentions: 0,
};
sizes.mentions = num(args.mentions, 'BENCH_MENTIONS', sizes.posts, sizes.posts);
const requests = num(args.requests, 'BENCH_REQUESTS', 50, 10);
const warmup = num(args.warmup, 'BENCH_WARMUP', 5, 2);
const transports = (args.transport === 'both' ? ['inject', 'http'] : [args.transport]) as Transport[];
const write = !args['no-write'] && (!small || args.write);
for (const [k, v] of Object.entries({ ...sizes, requests, warmup }))
  if (!Number.isInteger(v) || v < (k === 'warmup' ? 0 : 1)) throw new Error(`--${k} must be a positive whole number`);
if (!transports.every((t) => t === 'inject' || t === 'http')) throw new Error('--transport must be both, inject or http');

type Transport = 'inject' | 'http';
const url = testPostgresUrl();
// --small has its own schema, so a quick check never drops the full-size seed.
const schema = process.env.HERALD_BENCH_SCHEMA ?? (small ? 'herald_bench_analytics_small' : 'herald_bench_analytics');
const WS = workspaceName(0);
const FROM = '2026-01-01';
const TO = '2026-04-01';
const SLOW_MS = 200;
const log = (line: string) => process.stderr.write(`${line}\n`);

await probePostgres(url).catch((error: unknown) => {
  throw new Error(`PostgreSQL is needed at ${url}: ${(error as Error).message}`);
});
/** The first row of an answer that always has one. */
function first<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('the query answered no row');
  return row;
}
const sql = new pg.Client({ connectionString: url });
await sql.connect();
const pgVersion = first((await sql.query<{ v: string }>('SELECT version() AS v')).rows).v;
const pgSettings = (
  await sql.query<{ name: string; setting: string }>(
    `SELECT name, current_setting(name) AS setting FROM unnest(ARRAY['shared_buffers', 'work_mem', 'effective_cache_size', 'max_parallel_workers_per_gather', 'random_page_cost', 'jit']) AS name`,
  )
).rows
  .map((r) => `${r.name}=${r.setting}`)
  .join(', ');

// ── seed ──────────────────────────────────────────────────────────────────────────────────────
const db = createAnalyticsDb({ kind: 'postgres', url, schema });
let seedSteps: SeedStep[] = [];
let seedMs = NaN;
const countRows = async (table: string) => Number(first((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}"."${table}"`)).rows).n);
if (args.reuse) {
  log(`reusing schema ${schema}`);
  sizes.posts = await countRows('posts');
  sizes.snapshotsPerPost = Math.round((await countRows('metric_snapshots')) / sizes.posts);
  sizes.workspaces = Number(first((await sql.query<{ n: string }>(`SELECT count(DISTINCT workspace_id) AS n FROM "${schema}".posts`)).rows).n);
  await sql.query(`DELETE FROM "${schema}".goals`);
  // The seed time of the run that seeded the schema, kept beside its tables.
  const kept = await sql.query<{ steps: SeedStep[]; ms: number }>(`SELECT steps, ms FROM "${schema}".bench_seed`).catch(() => ({ rows: [] }));
  seedSteps = kept.rows[0]?.steps ?? [];
  seedMs = kept.rows[0]?.ms ?? NaN;
} else {
  log(`schema ${schema}: dropping, migrating and seeding ${fmt(sizes.posts)} posts × ${sizes.snapshotsPerPost} readings in ${sizes.workspaces} workspaces…`);
  await dropTestSchema({ url, schema });
  await db.migrate();
  const started = performance.now();
  seedSteps = await seed(sql, schema, sizes, log);
  seedMs = performance.now() - started;
  await sql.query(`CREATE TABLE "${schema}".bench_seed (steps jsonb NOT NULL, ms float8 NOT NULL)`);
  await sql.query(`INSERT INTO "${schema}".bench_seed VALUES ($1, $2)`, [JSON.stringify(seedSteps), seedMs]);
  log(`seeded in ${(seedMs / 1000).toFixed(0)} s`);
}
const [postRows, snapshotRows, mentionRows, followerRows] = await Promise.all([
  countRows('posts'),
  countRows('metric_snapshots'),
  countRows('mentions'),
  countRows('follower_counts'),
]);
const tableSizes = (
  await sql.query<{ name: string; size: string }>(
    `SELECT c.relname AS name, pg_size_pretty(pg_total_relation_size(c.oid)) AS size FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relname IN ('posts', 'metric_snapshots', 'mentions', 'follower_counts') ORDER BY pg_total_relation_size(c.oid) DESC`,
    [schema],
  )
).rows;

// ── the app ───────────────────────────────────────────────────────────────────────────────────
const logger = createLogger({ name: 'bench-analytics', level: 'silent' });
const bus = createMemoryEventBus({ logger });
const apiKey = 'hk_bench_analytics_0123456789abcdef';
const principal: Principal = { workspaceId: WS, keyId: '0be00000-0000-4000-8000-000000000001', scopes: ['read', 'admin'] };
const app = await buildAnalyticsApp({ logger, db, bus, verifyKey: async (key) => (key === apiKey ? principal : null) });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

interface Answer {
  status: number;
  body: string;
}
async function send(transport: Transport, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { 'x-api-key': apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  if (transport === 'inject') {
    const res = await app.inject({ method, url: path, headers, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });
    return { status: res.statusCode, body: res.body };
  }
  const res = await fetch(`${baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: await res.text() };
}
async function json<T>(method: 'GET' | 'POST', path: string, body?: unknown, status = 200): Promise<T> {
  const res = await send('inject', method, path, body);
  if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status}: ${res.body.slice(0, 500)}`);
  return JSON.parse(res.body) as T;
}

// Three goals of the workspace over the quarter: the goals list reads each one's progress.
const goals = [
  { name: 'Q1 engagements', metric: 'engagements', target: 50_000, from: FROM, to: TO },
  { name: 'Q1 Instagram impressions', metric: 'impressions', target: 2_000_000, from: FROM, to: TO, network: 'instagram' },
  { name: 'March spring launch', metric: 'engagements', target: 10_000, from: '2026-03-01', to: TO, campaign: 'spring-launch' },
];
for (const goal of goals) await json('POST', '/v1/analytics/goals', { ...goal, timeZone: 'UTC' }, 201);

const period = `from=${FROM}&to=${TO}&timeZone=UTC`;
const allEndpoints = [
  { name: 'GET /v1/analytics/summary', path: `/v1/analytics/summary?${period}` },
  { name: 'GET /v1/analytics/timeseries?interval=day', path: `/v1/analytics/timeseries?${period}&interval=day` },
  { name: 'GET /v1/analytics/breakdown?by=network', path: `/v1/analytics/breakdown?${period}&by=network` },
  { name: 'GET /v1/analytics/best-times', path: `/v1/analytics/best-times?${period}` },
  { name: `GET /v1/analytics/goals (${goals.length} goals)`, path: '/v1/analytics/goals?at=2026-05-01' },
];
const wanted = args.endpoints.split(',').map((e) => e.trim());
const endpoints = allEndpoints.filter((e) => wanted.some((w) => e.path.startsWith(`/v1/analytics/${w}?`)));
if (endpoints.length !== wanted.length)
  throw new Error(`--endpoints: a comma-separated list of ${allEndpoints.map((e) => e.path.replace(/^\/v1\/analytics\/([^?]+).*$/, '$1')).join(', ')}`);

// ── correctness: the summary against the same reading rule computed directly ─────────────────────
interface Summary {
  posts: number;
  impressions: number;
  engagements: number;
  mentions: number;
}
const summary = await json<Summary>('GET', `/v1/analytics/summary?${period}&compare=none`);
const cutoff = new Date(Date.parse(`${TO}T00:00:00Z`) + SETTLING_DAYS * 86_400_000).toISOString();
// The reading each post counts with: its newest at or before the cutoff, else its first one.
const direct = first(
  (
    await sql.query<{ posts: number; impressions: string; engagements: string; mentions: number }>(
      `WITH picked AS (
       SELECT p.id, coalesce(max(m.captured_at) FILTER (WHERE m.captured_at <= $4), min(m.captured_at)) AS at
       FROM "${schema}".posts p LEFT JOIN "${schema}".metric_snapshots m ON m.post_id = p.id
       WHERE p.workspace_id = $1 AND p.published_at >= $2 AND p.published_at < $3 GROUP BY p.id)
     SELECT count(*)::int AS posts, coalesce(sum(m.impressions), 0)::text AS impressions,
            coalesce(sum(coalesce(m.engagements, coalesce(m.likes, 0) + coalesce(m.comments, 0) + coalesce(m.shares, 0) + coalesce(m.saves, 0)
              + coalesce(m.link_clicks, 0) + coalesce(m.profile_clicks, 0))), 0)::text AS engagements,
            (SELECT count(*)::int FROM "${schema}".mentions WHERE workspace_id = $1 AND occurred_at >= $2 AND occurred_at < $3) AS mentions
     FROM picked LEFT JOIN "${schema}".metric_snapshots m ON m.post_id = picked.id AND m.captured_at = picked.at`,
      [WS, `${FROM}T00:00:00Z`, `${TO}T00:00:00Z`, cutoff],
    )
  ).rows,
);
const goalList = await json<{ goals: { name: string; actual: number | null }[] }>('GET', '/v1/analytics/goals?at=2026-05-01');
const check = {
  api: { posts: summary.posts, impressions: summary.impressions, engagements: summary.engagements, mentions: summary.mentions },
  sql: { posts: direct.posts, impressions: Number(direct.impressions), engagements: Number(direct.engagements), mentions: direct.mentions },
  goalActual: goalList.goals.find((g) => g.name === 'Q1 engagements')?.actual ?? null,
};
const agrees =
  check.api.posts === check.sql.posts &&
  check.api.impressions === check.sql.impressions &&
  check.api.engagements === check.sql.engagements &&
  check.api.mentions === check.sql.mentions &&
  check.goalActual === check.api.engagements;
const checkLine = `${WS}, ${FROM} … ${TO} (UTC), readings as of ${cutoff.slice(0, 10)}: API posts ${fmt(check.api.posts)}, impressions ${fmt(check.api.impressions)}, engagements ${fmt(check.api.engagements)}, mentions ${fmt(check.api.mentions)}; direct SQL posts ${fmt(check.sql.posts)}, impressions ${fmt(check.sql.impressions)}, engagements ${fmt(check.sql.engagements)}, mentions ${fmt(check.sql.mentions)}; the "Q1 engagements" goal's actual ${check.goalActual === null ? 'null' : fmt(check.goalActual)} — ${agrees ? 'all agree' : 'MISMATCH'}`;
log(`check: ${checkLine}`);
if (!agrees) process.exitCode = 1;
if (check.api.posts === 0) throw new Error(`no post of ${WS} in the quarter: the seed did not reach the API`);

// ── the SQL a request sends, recorded by wrapping pg's query methods in this process ──────────────
interface Sent {
  text: string;
  values: unknown[];
  ms: number;
}
let recording: Sent[] | null = null;
type Query = (...a: unknown[]) => unknown;
const wrapped = ([pg.Pool.prototype, pg.Client.prototype] as unknown as { query: Query }[]).map((proto) => ({ proto, original: proto.query }));
wrapped.forEach(({ proto, original }) => {
  proto.query = function (this: unknown, ...a: unknown[]) {
    const started = performance.now();
    const result = original.apply(this, a);
    const config = a[0] as { text?: string; values?: unknown[] } | string;
    const into = recording;
    // Only calls without a callback (the pool's own calls into its clients pass one): each query once.
    if (into && result instanceof Promise) {
      const entry = {
        text: typeof config === 'string' ? config : (config.text ?? ''),
        values: (typeof config === 'string' ? a[1] : config.values) ?? [],
        ms: 0,
      };
      void result.then(
        () => ((entry.ms = performance.now() - started), into.push(entry as Sent)),
        () => undefined,
      );
    }
    return result;
  };
});
async function queriesOf(path: string): Promise<Sent[]> {
  recording = [];
  const sent = recording;
  await send('inject', 'GET', path);
  recording = null;
  return sent;
}

// ── timing ────────────────────────────────────────────────────────────────────────────────────
interface Timed {
  endpoint: string;
  transport: Transport;
  samples: number[];
  queries: number;
  bytes: number;
}
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const timed: Timed[] = [];
for (const endpoint of endpoints) {
  const queries = (await queriesOf(endpoint.path)).length;
  for (const transport of transports) {
    log(`${endpoint.name} (${transport}): ${warmup} warm-up + ${requests} requests…`);
    let bytes = 0;
    for (let i = 0; i < warmup; i++) await send(transport, 'GET', endpoint.path);
    const samples: number[] = [];
    for (let i = 0; i < requests; i++) {
      const started = performance.now();
      const res = await send(transport, 'GET', endpoint.path);
      samples.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`${endpoint.path} answered ${res.status}: ${res.body.slice(0, 300)}`);
      bytes = res.body.length;
    }
    samples.sort((a, b) => a - b);
    timed.push({ endpoint: endpoint.name, transport, samples, queries, bytes });
    log(`  p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms, max ${percentile(samples, 100).toFixed(1)} ms`);
  }
}

// ── EXPLAIN the slowest query of each slow endpoint ─────────────────────────────────────────────
interface Explained {
  endpoint: string;
  p95: number;
  queries: { ms: number; first: string }[];
  sqlText: string;
  plan: string;
}
const explained: Explained[] = [];
for (const endpoint of endpoints) {
  const p95 = Math.max(...timed.filter((t) => t.endpoint === endpoint.name).map((t) => percentile(t.samples, 95)));
  if (!(p95 > SLOW_MS)) continue;
  const sent = await queriesOf(endpoint.path);
  const slowest = [...sent].sort((a, b) => b.ms - a.ms)[0];
  if (!slowest) continue;
  log(`EXPLAIN (ANALYZE, BUFFERS) of the slowest of ${sent.length} queries of ${endpoint.name} (${slowest.ms.toFixed(0)} ms)…`);
  const plan = (await sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${slowest.text}`, slowest.values)).rows.map((r) => r['QUERY PLAN']);
  explained.push({
    endpoint: endpoint.name,
    p95,
    queries: [...sent].sort((a, b) => b.ms - a.ms).map((q) => ({ ms: q.ms, first: q.text.replace(/\s+/g, ' ').trim().slice(0, 90) })),
    sqlText: `${slowest.text.replace(/^\s*\n/, '').trimEnd()}\n-- parameters: ${JSON.stringify(slowest.values)}`,
    plan: plan.join('\n'),
  });
}
wrapped.forEach(({ proto, original }) => (proto.query = original));

// ── report ────────────────────────────────────────────────────────────────────────────────────
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : fmt(n)} ms`;
const sh = (cmd: string, argv: string[]) => {
  try {
    return execFileSync(cmd, argv, { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
};
const machine = `\`nproc\` ${sh('nproc', [])} (${cpus()[0]?.model.trim() ?? 'unknown CPU'}; Node sees ${availableParallelism()}), ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM, Node ${process.version}; ${pgVersion.split(' on ')[0]} (${pgSettings}) on the same machine as the bench`;
const date = new Date().toISOString().slice(0, 10);
const tree = `${sh('git', ['-C', here, 'rev-parse', '--short', 'HEAD'])}${sh('git', ['-C', here, 'status', '--porcelain', '--', '../../libs', '../../apps']) ? ' with uncommitted changes under libs/ or apps/' : ''}`;
const table = [
  '| endpoint | transport | SQL queries | requests | p50 | p95 | max | answer |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...timed.map(
    (t) =>
      `| ${t.endpoint} | ${t.transport} | ${t.queries} | ${t.samples.length} | ${ms(percentile(t.samples, 50))} | ${ms(percentile(t.samples, 95))} | ${ms(percentile(t.samples, 100))} | ${fmt(t.bytes / 1024, 1)} KiB |`,
  ),
];
const perWorkspaceQuarter = Math.round(sizes.posts / sizes.workspaces / 3);
const sizeLines = [
  `- posts: ${fmt(postRows)} (${sizes.workspaces} workspaces, 4 networks, 6 content types, 0–6 tags, 40 % in one of 5 campaigns), published 2025-10-01 … 2026-06-30; ≈ ${fmt(perWorkspaceQuarter)} per workspace and quarter`,
  `- metric_snapshots: ${fmt(snapshotRows)} (${sizes.snapshotsPerPost} per post, at 12 h × k² after publishing, counters growing), inserted in capture order`,
  `- mentions: ${fmt(mentionRows)}; follower_counts: ${fmt(followerRows)} (one per profile and day, 2 profiles per network)`,
  `- on disk (tables + indexes): ${tableSizes.map((t) => `${t.name} ${t.size}`).join(', ')}`,
];
const seedLines = seedSteps.length
  ? [
      `Seed time${args.reuse ? ' (of the run that seeded the schema; this one reused it with --reuse)' : ''}: **${fmt(seedMs / 1000)} s** in all (SQL inside PostgreSQL, not through the API; the primary and foreign keys of metric_snapshots dropped for the load and re-added):`,
      '',
      '| step | rows | time |',
      '| --- | --- | --- |',
      ...seedSteps.map((s) => `| ${s.step} | ${fmt(s.rows)} | ${fmt(s.ms / 1000, 1)} s |`),
    ]
  : ['Seed time: not known (--reuse of a schema seeded without it).'];
const explainLines = explained.length
  ? explained.flatMap((e) => [
      `### ${e.endpoint} — p95 ${ms(e.p95)}`,
      '',
      `Queries of one request, slowest first: ${e.queries.map((q) => `${ms(q.ms)} \`${q.first}…\``).join('; ')}.`,
      '',
      'The slowest, as sent:',
      '',
      '```sql',
      e.sqlText,
      '```',
      '',
      '```',
      e.plan,
      '```',
      '',
    ])
  : [`No endpoint's p95 is above ${SLOW_MS} ms.`, ''];

console.log(`\n${table.join('\n')}\n\n${machine}; ${date}.\n${sizeLines.join('\n')}\ncheck: ${checkLine}`);
for (const e of explained) console.log(`\nEXPLAIN of the slowest query of ${e.endpoint}:\n${e.plan}`);
if (write) {
  writeFileSync(
    join(here, 'RESULTS.md'),
    [
      '# Analytics reporting benchmark results',
      '',
      `Produced by \`npx tsx bench/analytics/run.ts${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}\` on ${date}. Do not edit by hand: re-run the bench. Findings and fixes for the slow endpoints: FINDINGS.md.`,
      '',
      `Machine: ${machine}. Code measured: commit ${tree}, as loaded when the run started.`,
      '',
      '## Data',
      '',
      ...sizeLines,
      '',
      ...seedLines,
      '',
      '## Latency',
      '',
      `One workspace (${WS}), one quarter (${FROM} … ${TO}, timeZone UTC), the analytics app built in process with buildAnalyticsApp on PostgreSQL. ` +
        `Each row: ${warmup} warm-up requests, then ${requests} requests one after another (no concurrency), timed around the call. ` +
        '`inject` is Fastify `app.inject` (no socket); `http` is `fetch` to the same app listening on 127.0.0.1. ' +
        'The summary also reads the previous quarter for its comparison; the goals list reads each goal’s period and the 8 weeks before it (weekday rhythm). ' +
        '"SQL queries" is what one request sends.',
      '',
      ...table,
      '',
      `Check (the API against a direct SQL computation of the same reading rule): ${checkLine}.`,
      '',
      `## EXPLAIN (ANALYZE, BUFFERS) of endpoints above ${SLOW_MS} ms at p95`,
      '',
      ...explainLines,
    ].join('\n'),
  );
  // Aligned the way the repository's Prettier would leave it, so a re-run shows only changed numbers.
  try {
    execFileSync('npx', ['prettier', '--write', join(here, 'RESULTS.md')], { stdio: 'ignore' });
  } catch {
    log('prettier did not run on RESULTS.md: run `npx prettier --write bench/analytics`');
  }
  log(`wrote ${join(here, 'RESULTS.md')}`);
}

await app.close();
await bus.close();
await db.close();
await sql.end();
if (args.drop) await dropTestSchema({ url, schema });
