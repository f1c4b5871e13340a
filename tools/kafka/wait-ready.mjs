#!/usr/bin/env node
// Waits until a Kafka broker answers an admin describeCluster, within a deadline.
//
//   node tools/kafka/wait-ready.mjs --brokers 127.0.0.1:9092 [--timeout 90]
//                                   [--pid <broker pid>] [--cluster-id <id>]
//
// --pid makes it give up as soon as that process is gone, instead of waiting out the
// deadline for a broker that already died. --cluster-id makes it refuse a broker from
// another cluster that happens to listen on the same port.
// Exit codes: 0 ready, 1 deadline passed, 2 broker process exited, 3 wrong cluster, 64 usage.
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';

import { Kafka, logLevel } from 'kafkajs';

const { values } = parseArgs({
  options: {
    brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092' },
    timeout: { type: 'string', default: '90' },
    pid: { type: 'string' },
    'cluster-id': { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const brokers = values.brokers
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);
const timeoutMs = Number(values.timeout) * 1000;
const pid = values.pid === undefined ? undefined : Number(values.pid);
if (brokers.length === 0 || !Number.isFinite(timeoutMs) || timeoutMs <= 0 || (pid !== undefined && !Number.isInteger(pid))) {
  console.error('usage: wait-ready.mjs --brokers host:port[,host:port] [--timeout seconds] [--pid n] [--cluster-id id]');
  process.exit(64);
}

function processAlive(p) {
  try {
    process.kill(p, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else, which still counts as alive.
    return err.code === 'EPERM';
  }
}

const kafka = new Kafka({
  clientId: 'herald-kafka-wait-ready',
  brokers,
  connectionTimeout: 1000,
  requestTimeout: 3000,
  // Each attempt fails fast; this loop owns the retrying and the deadline.
  retry: { retries: 0 },
  logLevel: logLevel.NOTHING,
});

const startedAt = Date.now();
const deadline = startedAt + timeoutMs;
let lastError = 'no attempt made';
let attempts = 0;

while (Date.now() < deadline) {
  if (pid !== undefined && !processAlive(pid)) {
    console.error(`wait-ready: broker process ${pid} exited before it became ready`);
    process.exit(2);
  }
  attempts += 1;
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (values['cluster-id'] !== undefined && cluster.clusterId !== values['cluster-id']) {
      console.error(`wait-ready: ${brokers.join(',')} belongs to cluster ${cluster.clusterId}, expected ${values['cluster-id']}`);
      process.exit(3);
    }
    // A broker still fenced by the controller has not joined the cluster metadata yet.
    if (cluster.brokers.length === 0 || cluster.controller === null || cluster.controller < 0) {
      throw new Error('cluster metadata not ready (no brokers or no active controller)');
    }
    // Topics are listed from the same metadata the broker serves to clients.
    await admin.listTopics();
    if (!values.quiet) {
      const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
      console.log(`wait-ready: cluster ${cluster.clusterId} ready on ${brokers.join(',')} after ${seconds}s (${attempts} attempts)`);
    }
    process.exit(0);
  } catch (err) {
    lastError = err instanceof Error ? err.message : String(err);
  } finally {
    await admin.disconnect().catch(() => {});
  }
  await sleep(Math.min(500, Math.max(0, deadline - Date.now())));
}

console.error(`wait-ready: ${brokers.join(',')} not ready after ${values.timeout}s (${attempts} attempts); last error: ${lastError}`);
process.exit(1);
