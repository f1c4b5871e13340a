import type { EventBus } from '@herald/event-bus';
import { createEvent, EVENT_CATALOG, type HeraldEvent } from '@herald/events';
import { createIngestionDb, type IngestionDb } from '@herald/ingestion-data-access';
import { createLogger } from '@herald/service-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { insertOutboxEvents } from '../store/ingested-items.repository.ts';
import { listFailedOutboxEvents, oldestPendingOutboxAgeMs, outboxStateOf, requeueFailedOutboxEvent } from './failed-outbox.repository.ts';
import { createOutboxRelay, poisonCodeOf } from './outbox-relay.ts';

const logger = createLogger({ name: 'outbox-test', level: 'silent' });

const mention = (workspaceId: string, id: string) =>
  createEvent({
    type: 'ingestion.mention.received',
    workspaceId,
    source: 'ingestion',
    payload: { mention: { network: 'x', networkMentionId: id, kind: 'mention', text: `mention ${id}`, occurredAt: '2026-01-01T00:00:00Z' } },
  });

/** A bus that records what it was given and fails as told: by event (poison) or for everything (an outage). */
function fakeBus() {
  const published: HeraldEvent[] = [];
  const bus = {
    published,
    tooLarge: new Set<string>(),
    down: false,
    async publish(events: readonly HeraldEvent[]) {
      if (bus.down) throw Object.assign(new Error('Kafka is not reachable at 127.0.0.1:9092'), { code: 'EVENT_BUS_UNREACHABLE' });
      if (events.some((e) => bus.tooLarge.has(e.id))) {
        const cause = Object.assign(new Error('The request included a message larger than the max message size the server will accept'), {
          type: 'MESSAGE_TOO_LARGE',
        });
        throw Object.assign(new Error('publishing failed', { cause }), { code: 'EVENT_BUS_PUBLISH_FAILED' });
      }
      published.push(...events);
    },
  };
  return bus;
}

describe('the outbox relay', () => {
  let db: IngestionDb;
  beforeAll(async () => {
    db = createIngestionDb({ kind: 'pglite' });
    await db.migrate();
  });
  afterAll(() => db?.close());
  beforeEach(async () => {
    await db.prisma.outboxEvent.deleteMany();
    await db.prisma.failedOutboxEvent.deleteMany();
  });

  const store = (events: readonly object[], createdAt = new Date()) =>
    db.prisma.$transaction((tx) =>
      insertOutboxEvents(
        tx,
        db.schema,
        events.map((event) => ({ id: (event as { id: string }).id, topic: EVENT_CATALOG['ingestion.mention.received'].topic, key: 'k', event })),
        createdAt,
      ),
    );
  const relayWith = (bus: ReturnType<typeof fakeBus>) => createOutboxRelay({ db, bus: bus as unknown as EventBus, logger });

  it('moves an event that can never be published aside with its error, and publishes every row behind it', async () => {
    // What the unauthenticated %76 request stored: an envelope with workspace "".
    const stuck = mention('', 'm0');
    const after = [mention('a', 'm1'), mention('b', 'm2')];
    await store([stuck, ...after]);
    const bus = fakeBus();
    await relayWith(bus).flush();
    expect(bus.published.map((e) => e.id)).toEqual(after.map((e) => e.id));
    expect(await db.prisma.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);
    const [failed] = await db.prisma.failedOutboxEvent.findMany();
    expect(failed).toMatchObject({ id: stuck.id, workspaceId: '', errorCode: 'EVENT_INVALID', error: expect.stringMatching(/workspaceId/) });
  });

  it('finds the one event the broker refuses as too large in a batch, moves it aside, and publishes the others', async () => {
    const events = [mention('a', 'm1'), mention('a', 'm2'), mention('a', 'm3')];
    await store(events);
    const bus = fakeBus();
    bus.tooLarge.add(events[1]!.id);
    await relayWith(bus).flush();
    expect(bus.published.map((e) => e.id)).toEqual([events[0]!.id, events[2]!.id]);
    expect(await listFailedOutboxEvents(db, 'a')).toEqual([
      expect.objectContaining({
        id: events[1]!.id,
        type: 'ingestion.mention.received',
        errorCode: 'MESSAGE_TOO_LARGE',
        event: expect.objectContaining({ id: events[1]!.id }),
      }),
    ]);
    // Workspace b's admin does not see workspace a's rows.
    expect(await listFailedOutboxEvents(db, 'b')).toEqual([]);
  });

  it('never moves anything aside while the broker is down: the rows wait and go out once it is back', async () => {
    const events = [mention('a', 'm1'), mention('a', 'm2')];
    await store(events);
    const bus = fakeBus();
    bus.down = true;
    const relay = relayWith(bus);
    await expect(relay.flush()).rejects.toThrow(/not reachable/);
    expect(await db.prisma.failedOutboxEvent.count()).toBe(0);
    expect(await db.prisma.outboxEvent.count({ where: { publishedAt: null } })).toBe(2);
    bus.down = false;
    await relay.flush();
    expect(bus.published.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('re-queues a failed row of the workspace at its old place, and publishes it once the broker takes it', async () => {
    const events = [mention('a', 'm1'), mention('a', 'm2')];
    await store(events);
    const bus = fakeBus();
    bus.tooLarge.add(events[0]!.id);
    const relay = relayWith(bus);
    await relay.flush();
    expect(await outboxStateOf(db, events[0]!.id)).toBe('failed');
    expect(await requeueFailedOutboxEvent(db, 'b', events[0]!.id)).toBe(false);
    bus.tooLarge.clear();
    expect(await requeueFailedOutboxEvent(db, 'a', events[0]!.id)).toBe(true);
    expect(await outboxStateOf(db, events[0]!.id)).toBe('pending');
    await relay.flush();
    expect(await outboxStateOf(db, events[0]!.id)).toBe('published');
    expect(bus.published.map((e) => e.id)).toEqual([events[1]!.id, events[0]!.id]);
    expect(await requeueFailedOutboxEvent(db, 'a', events[0]!.id)).toBe(false);
  });

  it('reports the age of the oldest event waiting, and none when all are published', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    await store([mention('a', 'm1')], new Date(now.getTime() - 90_000));
    await store([mention('a', 'm2')], new Date(now.getTime() - 10_000));
    expect(await oldestPendingOutboxAgeMs(db, now)).toBe(90_000);
    await relayWith(fakeBus()).flush();
    expect(await oldestPendingOutboxAgeMs(db, now)).toBeNull();
  });

  it('tells failures of the event from failures of the broker', () => {
    expect(poisonCodeOf(new Error('x', { cause: Object.assign(new Error('too large'), { type: 'MESSAGE_TOO_LARGE' }) }))).toBe('MESSAGE_TOO_LARGE');
    expect(poisonCodeOf(Object.assign(new Error('invalid'), { code: 'EVENT_INVALID' }))).toBe('EVENT_INVALID');
    expect(poisonCodeOf(Object.assign(new Error('down'), { code: 'EVENT_BUS_UNREACHABLE' }))).toBeNull();
    expect(poisonCodeOf(new Error('x', { cause: Object.assign(new Error('no leader'), { type: 'LEADER_NOT_AVAILABLE' }) }))).toBeNull();
  });
});
