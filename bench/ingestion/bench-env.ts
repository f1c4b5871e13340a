import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { Kafka, logLevel } from 'kafkajs';

export const DATABASE_URL = process.env.HERALD_TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test';
export const KAFKA_BROKERS = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');

/** Names unique to this run: its PostgreSQL schema and its Kafka topic prefix. */
export function runNames() {
  const id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  return { id, schema: `bench_ingestion_${id}`, topicPrefix: `bench-${id}.` };
}

/** Deletes this run's topics (the prefix keeps other runs' and services' topics out of reach). */
export async function deleteTopics(prefix: string): Promise<void> {
  const admin = new Kafka({ clientId: 'herald-bench-cleanup', brokers: KAFKA_BROKERS, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

/** Peak resident memory of a process (VmHWM), in MiB. */
export function peakRssMiB(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
