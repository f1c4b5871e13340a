/**
 * Listening throughput: `npx tsx bench/listening/run.ts [--mentions 20000] [--write]`.
 *
 * Needs the Kafka broker (`bash tools/kafka/start.sh`) and PostgreSQL (HERALD_TEST_DATABASE_URL,
 * default postgresql://postgres@127.0.0.1:5432/test). Uses topics under a prefix and a schema of its
 * own, both deleted at the end. Measures:
 *  1. publishing N `ingestion.mention.received` events to Kafka;
 *  2. the listening consumer draining them: Kafka → sentiment, intent, keywords, brands → upsert in
 *     PostgreSQL → publish `listening.mention.analyzed` → spike check, until all N are stored;
 *  3. the same analysis in process, without Kafka or PostgreSQL (one core), and its parts.
 */
import { randomBytes } from 'node:crypto';
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';

import { dropTestSchema } from '@herald/db';
import { createKafkaEventBus } from '@herald/event-bus';
import { createEvent, TOPICS, type EventOf } from '@herald/events';
import { createListeningDb } from '@herald/listening-data-access';
import { classifyIntent, loadIntentExamples } from '@herald/listening-intents';
import { analyzeSentiment } from '@herald/listening-sentiment';
import { analyzeMention, startAnalyzeMentionsConsumer } from '@herald/listening-service';
import { compileBrandMatcher } from '@herald/listening-signals';
import { mentionKeywords } from '@herald/listening-topics';
import { probeKafka, probePostgres } from '@herald/testing';
import { Kafka, logLevel } from 'kafkajs';
import { pino } from 'pino';

import { replaceSection } from './results-file.ts';

const { values: args } = parseArgs({ options: { mentions: { type: 'string', default: '20000' }, write: { type: 'boolean', default: false } } });
const N = Number(args.mentions);
if (!Number.isInteger(N) || N < 100) throw new Error(`--mentions must be an integer ≥ 100, not ${args.mentions}`);

const DATABASE_URL = process.env['HERALD_TEST_DATABASE_URL'] || 'postgresql://postgres@127.0.0.1:5432/test';
const BROKERS = (process.env['KAFKA_BROKERS'] || '127.0.0.1:9092').split(',');
const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const schema = `bench_listening_${runId}`;
const topicPrefix = `bench-listening-${runId}.`;
const WS = 'bench';
const logger = pino({ level: 'warn' });

try {
  await probeKafka(BROKERS);
} catch (error) {
  console.error(`Kafka is not reachable at ${BROKERS.join(',')} (${(error as Error).message}); start it with: bash tools/kafka/start.sh`);
  process.exit(1);
}
await probePostgres(DATABASE_URL);

/** Realistic texts: the labeled intent examples, some naming a brand, spread over a week with one busy hour. */
function mentionEvents(): EventOf<'ingestion.mention.received'>[] {
  const pool = loadIntentExamples();
  const start = Date.parse('2026-03-02T00:00:00Z');
  const week = 7 * 24 * 3_600_000;
  const spikeHour = start + 5 * 24 * 3_600_000 + 14 * 3_600_000;
  return Array.from({ length: N }, (_, i) => {
    const example = pool[(i * 7919) % pool.length] ?? { text: '', language: 'en' };
    const brand = i % 5 === 0 ? ' @acme' : i % 7 === 0 ? ' vs Globex' : '';
    // 3 % of the mentions fall in one hour: the spike detector has something to find.
    const t = i % 33 === 0 ? spikeHour + ((i * 131) % 3_600_000) : start + Math.floor((i / N) * week);
    return createEvent({
      type: 'ingestion.mention.received',
      workspaceId: WS,
      source: 'bench',
      payload: {
        mention: {
          network: 'x',
          networkMentionId: `m${i}`,
          kind: 'mention',
          text: `${example.text}${brand}`,
          ...(example.language === 'en' ? {} : { language: example.language }),
          occurredAt: new Date(t).toISOString(),
        },
      },
    });
  });
}

function rate(count: number, ms: number): number {
  return count / (ms / 1000);
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const events = mentionEvents();
const db = createListeningDb({ kind: 'postgres', url: DATABASE_URL, schema });
const bus = await createKafkaEventBus({ clientId: 'herald-bench-listening', brokers: BROKERS, topicPrefix, logger });
const rows: { path: string; count: number; ms: number }[] = [];
let alerts = 0;
let joinMs = 0;

try {
  await db.migrate();
  await db.prisma.brand.createMany({
    data: [
      { workspaceId: WS, name: 'Acme', kind: 'own', keywords: ['@acme'] },
      { workspaceId: WS, name: 'Globex', kind: 'competitor', keywords: [] },
    ],
  });
  await bus.ensureTopics([TOPICS.mentions, TOPICS.mentionsAnalyzed, TOPICS.alerts]);

  // 1. Publish.
  let started = performance.now();
  for (let i = 0; i < events.length; i += 2_000) await bus.publish(events.slice(i, i + 2_000));
  rows.push({ path: 'Publish `mention.received` to Kafka (idempotent producer, 2,000 per call)', count: N, ms: performance.now() - started });

  // 2. Consume: from the moment the consumer has joined its group until every analysis is stored.
  // The models are trained first (about a second, once per process), as a running service has.
  classifyIntent('warm up', { sentiment: null });
  analyzeSentiment('warm up');
  mentionKeywords('warm up');
  const joining = performance.now();
  const consumer = await startAnalyzeMentionsConsumer({ bus, db, logger });
  joinMs = performance.now() - joining;
  started = performance.now();
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const stored = await db.prisma.mentionAnalysis.count({ where: { workspaceId: WS } });
    if (stored >= N) break;
    if (Date.now() > deadline) throw new Error(`only ${stored} of ${N} mentions stored after 30 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  rows.push({ path: 'Listening consumer: Kafka → analysis → PostgreSQL → `mention.analyzed` → spike check', count: N, ms: performance.now() - started });
  await consumer.stop();
  alerts = await db.prisma.listeningAlert.count({ where: { workspaceId: WS } });

  // 3. In process, on the same events (models already trained and warm).
  const matcher = compileBrandMatcher([
    { id: 'acme', name: 'Acme', keywords: ['@acme'] },
    { id: 'globex', name: 'Globex', keywords: [] },
  ]);
  const texts = events.map((e) => e.payload.mention.text);
  const time = (path: string, fn: () => void) => {
    const t0 = performance.now();
    fn();
    rows.push({ path, count: N, ms: performance.now() - t0 });
  };
  time('In process: analysis (sentiment, intent, keywords) + brand matching, one core', () => {
    for (const e of events) {
      analyzeMention(e);
      matcher.match(e.payload.mention.text);
    }
  });
  time('… sentiment only (`analyzeSentiment`)', () => texts.forEach((t) => analyzeSentiment(t)));
  time('… intent only (`classifyIntent`, sentiment given)', () => texts.forEach((t) => classifyIntent(t, { sentiment: 'neutral' })));
  time('… keywords only (`mentionKeywords`)', () => texts.forEach((t) => mentionKeywords(t)));
} finally {
  await bus.close();
  await db.close();
  await dropTestSchema({ url: DATABASE_URL, schema });
  const admin = new Kafka({ clientId: 'herald-bench-cleanup', brokers: BROKERS, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(topicPrefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

const lines = [
  `Listening throughput, ${fmt(N)} mentions (one workspace, 2 brands, labeled-set texts), run ${new Date().toISOString().slice(0, 10)}`,
  `on ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}; Kafka single broker on 127.0.0.1,`,
  'topics of 3 partitions; PostgreSQL on 127.0.0.1; consumer batches of up to 500 mentions per partition.',
  '',
  '| path | mentions | seconds | mentions/s |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.path} | ${fmt(r.count)} | ${fmt(r.ms / 1000, 2)} | ${fmt(rate(r.count, r.ms))} |`),
  '',
  `Row 2 is timed from the moment the consumer has subscribed (${fmt(joinMs / 1000, 1)} s after the call) to the last analysis stored;`,
  `the analysis models were trained before. Alerts raised on the way: ${alerts} (the busy hour holds 3 % of the mentions).`,
];
console.log(lines.join('\n'));
if (args.write) {
  replaceSection('throughput', lines.join('\n'));
  console.log('\nwritten to bench/listening/RESULTS.md');
}
