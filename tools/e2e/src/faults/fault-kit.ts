import pg from 'pg';

import { createKafkaEventBus, type EventBus } from '@herald/event-bus';
import { createEvent, type HeraldEvent } from '@herald/events';
import { createLogger } from '@herald/service-kit';

import type { TestStack } from '../stack.ts';

/**
 * `npm run test:faults` sets HERALD_FAULT_SCALE=full: the sizes the issue names (100,000 events,
 * a 30 s broker outage). CI runs the same tests with the small sizes.
 */
export const FULL_SCALE = process.env.HERALD_FAULT_SCALE === 'full';
export const scale = <T>(small: T, full: T): T => (FULL_SCALE ? full : small);

export const logger = createLogger({ name: 'faults', level: 'warn' });

/** Post i was published in November 2026 and has i + 1 impressions: posts 0..n-1 add up to n (n + 1) / 2. */
export function postItem(i: number) {
  const publishedAt = new Date(Date.UTC(2026, 10, 1) + (i % (29 * 24)) * 3_600_000).toISOString();
  return {
    network: 'x' as const,
    networkPostId: `17${String(i).padStart(17, '0')}`,
    publishedAt,
    text: `post ${i}`,
    contentType: 'text' as const,
    tags: [],
    metrics: { capturedAt: publishedAt, impressions: i + 1, engagements: 1 },
  };
}

const TEXTS = [
  'Love the new board view, amazing!',
  'The app is slow and terrible today',
  'Do you offer SSO on the enterprise plan?',
  'ok',
  'Support never answered my ticket 😡',
];
export function mentionItem(i: number) {
  const occurredAt = new Date(Date.UTC(2026, 10, 1) + (i % (29 * 24)) * 3_600_000).toISOString();
  return { network: 'x' as const, networkMentionId: `m-${i}`, kind: 'mention' as const, text: `${TEXTS[i % TEXTS.length]} #${i}`, occurredAt };
}

export const postEvent = (workspaceId: string, i: number): HeraldEvent => {
  const { metrics, ...post } = postItem(i);
  return createEvent({ type: 'ingestion.post.published', workspaceId, source: 'faults', payload: { post, metrics } });
};
export const mentionEvent = (workspaceId: string, i: number): HeraldEvent =>
  createEvent({ type: 'ingestion.mention.received', workspaceId, source: 'faults', payload: { mention: mentionItem(i) } });

/** 1 + 2 + … + n. */
export const triangle = (n: number) => (n * (n + 1)) / 2;

export async function openBus(stack: TestStack): Promise<EventBus> {
  const bus = await createKafkaEventBus({
    clientId: 'faults',
    brokers: (stack.env.KAFKA_BROKERS ?? '').split(','),
    topicPrefix: stack.env.HERALD_TOPIC_PREFIX ?? '',
    logger,
  });
  // Waits for every partition to have a leader before anyone produces.
  await bus.ensureTopics();
  return bus;
}

export async function publishInChunks(bus: EventBus, events: readonly HeraldEvent[], size = 2_000): Promise<void> {
  for (let i = 0; i < events.length; i += size) await bus.publish(events.slice(i, i + size));
}

export interface StoreTotals {
  posts: number;
  impressions: number;
  analyticsMentions: number;
  /** Events analytics applied (its event-id ledger). */
  analyticsEvents: number;
  listeningMentions: number;
  deadLetters: number;
}

/** What the services stored, read straight from their schemas. */
export async function storeTotals(url: string, schemas: TestStack['schemas']): Promise<StoreTotals> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const one = async (sql: string) => {
    try {
      const { rows } = await client.query<{ n: string | null }>(sql);
      return Number(rows[0]?.n ?? 0);
    } catch (error) {
      // The service has not migrated its schema yet.
      if ((error as { code?: string }).code === '42P01') return 0;
      throw error;
    }
  };
  try {
    const a = `"${schemas.analytics}"`;
    const l = `"${schemas.listening}"`;
    return {
      posts: await one(`SELECT count(*) AS n FROM ${a}.posts`),
      impressions: await one(`SELECT sum(impressions) AS n FROM ${a}.metric_snapshots`),
      analyticsMentions: await one(`SELECT count(*) AS n FROM ${a}.mentions`),
      analyticsEvents: await one(`SELECT count(*) AS n FROM ${a}.processed_events`),
      listeningMentions: await one(`SELECT count(*) AS n FROM ${l}.mention_analyses`),
      deadLetters: (await one(`SELECT count(*) AS n FROM ${a}.dead_letters`)) + (await one(`SELECT count(*) AS n FROM ${l}.dead_letters`)),
    };
  } finally {
    await client.end();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const randomBetween = (min: number, max: number) => min + Math.random() * (max - min);

/** Prints one line for the run's record (sizes, what the requests answered). */
export function note(scenario: string, facts: Record<string, unknown>): void {
  process.stdout.write(`[faults] ${scenario}: ${JSON.stringify(facts)}\n`);
}

/** Each fault test's limit: generous, since the full sizes take minutes on a small machine. */
export const TEST_TIMEOUT_MS = scale(480_000, 1_800_000);
