#!/usr/bin/env node
// Smoke test of every kafkajs feature Herald relies on, against a real broker.
//
//   KAFKA_BROKERS=127.0.0.1:9092 node tools/kafka/smoke.mjs
//
// Covers: admin createTopics/listTopics/fetchTopicMetadata/deleteTopics/deleteGroups,
// an idempotent producer (acks -1), a consumer group reading fromBeginning with manual
// commits, a second member forcing a rebalance, and admin.fetchOffsets. Exits 1 on the
// first failed check (with the recent client log), 0 when everything passed.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { Kafka, Partitioners, logLevel } from 'kafkajs';

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092')
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);
const OVERALL_TIMEOUT_MS = 120_000;
const STEP_TIMEOUT_MS = 30_000;
const PARTITIONS = 3;
const FIRST_BATCH = 30;
const SECOND_BATCH = 30;

const runId = `${Date.now()}-${randomUUID().slice(0, 8)}`;
const topic = `smoke.events-${runId}`;
const groupId = `smoke-group-${runId}`;

// kafkajs logs rebalances at ERROR level although they are expected here; keep the log
// in memory and print it only when a check fails.
const clientLog = [];
const logCreator =
  () =>
  ({ namespace, level, log }) => {
    const { message, ...extra } = log;
    clientLog.push(`${new Date().toISOString()} ${logLevel[level] ?? level} [${namespace}] ${message} ${JSON.stringify(extra)}`);
    if (clientLog.length > 200) clientLog.shift();
  };

const kafka = new Kafka({
  clientId: 'herald-kafka-smoke',
  brokers: BROKERS,
  connectionTimeout: 3000,
  requestTimeout: 10_000,
  retry: { retries: 5 },
  logLevel: logLevel.INFO,
  logCreator,
});

const results = [];
let topicDeleted = false;
const startedAt = Date.now();

async function step(name, fn) {
  const t0 = Date.now();
  const detail = await fn();
  const ms = Date.now() - t0;
  results.push({ name, ms });
  console.log(`ok   ${name} (${ms} ms)${detail ? ` — ${detail}` : ''}`);
}

async function waitFor(what, predicate, timeoutMs = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

const admin = kafka.admin();
const producer = kafka.producer({
  idempotent: true,
  maxInFlightRequests: 1,
  createPartitioner: Partitioners.DefaultPartitioner,
});

// One record per delivery, keyed by the value so duplicates and losses both show up.
const deliveries = [];
const assignments = new Map(); // member name -> partitions after its last join

function createMember(name) {
  const consumer = kafka.consumer({
    groupId,
    sessionTimeout: 10_000,
    heartbeatInterval: 1000,
    rebalanceTimeout: 20_000,
    // An idle member only heartbeats (and so learns of a rebalance) between fetches, and
    // disconnect waits for the fetch in flight: the 5 s default makes both slow.
    maxWaitTimeInMs: 500,
    retry: { retries: 5 },
  });
  let crashed;
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    assignments.set(
      name,
      [...(payload.memberAssignment[topic] ?? [])].sort((a, b) => a - b),
    );
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    crashed = payload.error;
  });
  const run = async () => {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic: t, partition, message }) => {
        deliveries.push({
          member: name,
          partition,
          offset: message.offset,
          value: message.value?.toString(),
          run: message.headers?.['smoke-run']?.toString(),
        });
        // Commit only after the message is handled: at-least-once.
        await consumer.commitOffsets([{ topic: t, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
      },
    });
  };
  return { name, consumer, run, crashed: () => crashed };
}

function makeMessages(batch, count) {
  return Array.from({ length: count }, (_, i) => ({
    key: `key-${batch}-${i}`,
    value: `${batch}-${i}`,
    headers: { 'smoke-run': runId },
  }));
}

async function main() {
  const first = createMember('consumer-1');
  const second = createMember('consumer-2');
  const members = [first, second];
  const assertNoCrash = () => {
    for (const m of members) if (m.crashed()) throw new Error(`${m.name} crashed: ${m.crashed().message}`);
  };

  try {
    await step('admin.connect + describeCluster', async () => {
      await admin.connect();
      const cluster = await admin.describeCluster();
      assert.ok(cluster.brokers.length >= 1, 'no brokers in cluster metadata');
      return `cluster ${cluster.clusterId}, ${cluster.brokers.length} broker(s), controller ${cluster.controller}`;
    });

    await step(`admin.createTopics (${PARTITIONS} partitions)`, async () => {
      const created = await admin.createTopics({
        topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }],
        waitForLeaders: true,
      });
      assert.equal(created, true, 'createTopics returned false (topic already existed?)');
      const meta = await admin.fetchTopicMetadata({ topics: [topic] });
      assert.equal(meta.topics[0]?.partitions.length, PARTITIONS);
      return topic;
    });

    await step('admin.listTopics', async () => {
      const topics = await admin.listTopics();
      assert.ok(topics.includes(topic), `${topic} missing from listTopics`);
      return `${topics.length} topic(s)`;
    });

    await step('auto.create.topics.enable=false', async () => {
      // kafkajs asks for auto-creation in its metadata requests; the broker must refuse.
      const missing = `smoke.missing-${runId}`;
      const probe = kafka.admin({ retry: { retries: 0 } });
      await probe.connect();
      try {
        await assert.rejects(
          probe.fetchTopicMetadata({ topics: [missing] }),
          (err) => /** @type {{ type?: string }} */ (err).type === 'UNKNOWN_TOPIC_OR_PARTITION',
        );
      } finally {
        await probe.disconnect();
      }
      assert.ok(!(await admin.listTopics()).includes(missing), 'a metadata request auto-created a topic');
    });

    await step(`idempotent producer sends ${FIRST_BATCH} messages (acks -1)`, async () => {
      await producer.connect();
      const meta = await producer.send({ topic, acks: -1, messages: makeMessages('a', FIRST_BATCH) });
      for (const m of meta) assert.equal(m.errorCode, 0, `partition ${m.partition} error ${m.errorCode}`);
      const used = new Set(meta.map((m) => m.partition));
      assert.equal(used.size, PARTITIONS, `expected the keys to spread over ${PARTITIONS} partitions, got ${[...used]}`);
      const hw = await admin.fetchTopicOffsets(topic);
      const total = hw.reduce((sum, p) => sum + Number(p.high), 0);
      assert.equal(total, FIRST_BATCH, `high watermarks sum to ${total}`);
      return `partitions ${hw.map((p) => `${p.partition}:${p.high}`).join(' ')}`;
    });

    await step(`consumer group reads fromBeginning with manual commits`, async () => {
      await first.run();
      await waitFor(`${FIRST_BATCH} deliveries`, () => {
        assertNoCrash();
        return deliveries.length >= FIRST_BATCH;
      });
      assert.deepEqual(assignments.get('consumer-1'), [0, 1, 2]);
      const values = new Set(deliveries.map((d) => d.value));
      assert.equal(values.size, FIRST_BATCH, 'duplicate or missing deliveries in the first batch');
      assert.ok(
        deliveries.every((d) => d.run === runId),
        'a message lost its header',
      );
      // Within a partition the idempotent producer keeps the send order.
      for (let p = 0; p < PARTITIONS; p += 1) {
        const seq = deliveries.filter((d) => d.partition === p).map((d) => Number(d.value.split('-')[1]));
        assert.deepEqual(
          seq,
          [...seq].sort((x, y) => x - y),
          `partition ${p} out of order: ${seq}`,
        );
      }
      return `${deliveries.length} messages, partitions ${assignments.get('consumer-1')}`;
    });

    await step('admin.fetchOffsets after the first batch', async () => {
      // eachMessage awaited every commit, so the committed offsets are already final.
      const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
      const committed = offsets[0].partitions.reduce((sum, p) => sum + Number(p.offset), 0);
      assert.equal(committed, FIRST_BATCH, `committed offsets sum to ${committed}`);
      return offsets[0].partitions.map((p) => `${p.partition}:${p.offset}`).join(' ');
    });

    await step('second member joins: rebalance splits the partitions', async () => {
      await second.run();
      await waitFor('both members to hold disjoint partitions covering the topic', () => {
        assertNoCrash();
        const a = assignments.get('consumer-1') ?? [];
        const b = assignments.get('consumer-2') ?? [];
        return a.length > 0 && b.length > 0 && a.length + b.length === PARTITIONS && new Set([...a, ...b]).size === PARTITIONS;
      });
      return `consumer-1 ${assignments.get('consumer-1')} / consumer-2 ${assignments.get('consumer-2')}`;
    });

    await step(`both members consume ${SECOND_BATCH} more, no redelivery`, async () => {
      await producer.send({ topic, acks: -1, messages: makeMessages('b', SECOND_BATCH) });
      const expected = FIRST_BATCH + SECOND_BATCH;
      await waitFor(`${expected} deliveries`, () => {
        assertNoCrash();
        return deliveries.length >= expected;
      });
      // Let a late duplicate surface before counting.
      await sleep(500);
      assert.equal(deliveries.length, expected, `${deliveries.length} deliveries, expected ${expected} (redelivery after rebalance?)`);
      assert.equal(new Set(deliveries.map((d) => d.value)).size, expected);
      const secondBatch = deliveries.slice(FIRST_BATCH);
      for (const d of secondBatch) {
        assert.ok(assignments.get(d.member)?.includes(d.partition), `${d.member} got partition ${d.partition} it does not own`);
      }
      const byMember = new Map();
      for (const d of secondBatch) byMember.set(d.member, (byMember.get(d.member) ?? 0) + 1);
      return [...byMember].map(([m, n]) => `${m} ${n}`).join(', ');
    });

    await step('admin.fetchOffsets equals the high watermarks', async () => {
      const [offsets, hw] = await Promise.all([admin.fetchOffsets({ groupId, topics: [topic] }), admin.fetchTopicOffsets(topic)]);
      const committed = Object.fromEntries(offsets[0].partitions.map((p) => [p.partition, p.offset]));
      for (const p of hw) assert.equal(committed[p.partition], p.high, `partition ${p.partition}: committed ${committed[p.partition]}, high ${p.high}`);
      return hw.map((p) => `${p.partition}:${p.high}`).join(' ');
    });

    await step('consumers leave, admin.deleteGroups', async () => {
      await Promise.all(members.map((m) => m.consumer.disconnect()));
      const [res] = await admin.deleteGroups([groupId]);
      assert.equal(res?.errorCode, 0, `deleteGroups error ${res?.errorCode}`);
    });

    await step('admin.deleteTopics', async () => {
      await admin.deleteTopics({ topics: [topic], timeout: 10_000 });
      await waitFor('the topic to disappear from listTopics', async () => !(await admin.listTopics()).includes(topic));
      topicDeleted = true;
    });
  } finally {
    await Promise.allSettled([...members.map((m) => m.consumer.disconnect()), producer.disconnect()]);
    // Best effort when a check failed half way.
    if (!topicDeleted) await admin.deleteTopics({ topics: [topic], timeout: 5000 }).catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}

const watchdog = setTimeout(() => {
  console.error(`FAIL smoke test did not finish within ${OVERALL_TIMEOUT_MS / 1000}s`);
  process.exit(1);
}, OVERALL_TIMEOUT_MS);
watchdog.unref();

console.log(`kafkajs smoke test against ${BROKERS.join(',')}`);
try {
  await main();
  console.log(`PASS ${results.length} checks in ${((Date.now() - startedAt) / 1000).toFixed(1)}s`);
  process.exit(0);
} catch (err) {
  console.error(`FAIL ${err instanceof Error ? err.stack : String(err)}`);
  console.error('--- recent kafkajs log ---');
  for (const line of clientLog.slice(-40)) console.error(line);
  process.exit(1);
}
