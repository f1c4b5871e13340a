import { createEvent, deadLetterTopicOf, encodeEvent, TOPICS, type HeraldEvent } from '@herald/events';
import { uniqueName } from '@herald/testing';
import { pino, type Logger } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';

import { DEAD_LETTER_HEADERS, type DeadLetter, type DeliveredEvent, type EventBus, type RawPublisher, type Subscription } from '../event-bus.ts';

/** A message read back from a topic, headers decoded as UTF-8. */
export interface ContractRecord {
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export type ContractBus = EventBus & RawPublisher;

/** What one implementation provides so the same suite can run against it. */
export interface EventBusContractHarness<TBus extends ContractBus> {
  createBus(options: { topicPrefix: string; logger: Logger }): Promise<TBus>;
  /** The records of a logical topic once it holds at least `count`; rejects after `timeoutMs`. */
  readTopic(bus: TBus, topic: string, count: number, timeoutMs: number): Promise<ContractRecord[]>;
  /** Deletes a logical topic, so that writing to it fails. */
  deleteTopic(bus: TBus, topic: string): Promise<void>;
  /** Runs after each test with the test's topic prefix (e.g. to delete its topics). */
  cleanup?(topicPrefix: string): Promise<void>;
  /** Longest wait for something the test expects to happen. */
  timeoutMs: number;
}

const WORKSPACE = 'ws-contract';
const PARTITIONS = 3;
// Short delays keep the retry tests fast; the shape of the policy is what is under test.
const FAST_RETRY = { attempts: 3, initialDelayMs: 10, maxDelayMs: 50 };

// Versions above 1 make every default event an update.
let lastVersion = 100;

/** A post event; events of the same post share a partition key, so their order is kept. */
function postEvent(postId: string, version = ++lastVersion): HeraldEvent {
  return createEvent({
    type: version === 1 ? 'ingestion.post.published' : 'ingestion.post.updated',
    workspaceId: WORKSPACE,
    source: 'event-bus-contract',
    payload: {
      post: { network: 'x', networkPostId: postId, publishedAt: '2026-01-05T09:00:00.000Z', text: `version ${version}`, contentType: 'text', tags: [] },
    },
  });
}

const keyOf = (postId: string) => `${WORKSPACE}:x:${postId}`;

class HandlerError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retriable = true,
  ) {
    super(message);
  }
}

/** Keeps what a handler received; `handle` is all or nothing, like a handler writing in one transaction. */
function recorder(fail?: (events: readonly DeliveredEvent[]) => void) {
  const calls: Array<readonly DeliveredEvent[]> = [];
  const handled: DeliveredEvent[] = [];
  return {
    calls,
    handled,
    ids: () => handled.map((d) => d.event.id),
    handle: async (events: readonly DeliveredEvent[]) => {
      calls.push(events);
      fail?.(events);
      handled.push(...events);
    },
  };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what}`);
  return value;
}

const countOf = (ids: readonly string[], id: string) => ids.filter((x) => x === id).length;

/** Registers the behaviour every EventBus implementation must show. */
export function registerEventBusContract<TBus extends ContractBus>(name: string, harness: EventBusContractHarness<TBus>): void {
  describe(`${name} honours the EventBus contract`, () => {
    const opened: Array<{ bus: TBus; prefix: string }> = [];
    const wait = (condition: () => boolean, what: string) => waitFor(condition, harness.timeoutMs, what);

    /** A bus on topics of its own (unique prefix), with posts and mentions created. */
    async function setup(options: { createTopics?: boolean } = {}) {
      const prefix = `${uniqueName('eb')}.`;
      const logLines: Array<{ msg?: string; level: number }> = [];
      const logger = pino({ level: 'warn' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
      const bus = await harness.createBus({ topicPrefix: prefix, logger });
      opened.push({ bus, prefix });
      if (options.createTopics !== false) await bus.ensureTopics([TOPICS.posts, TOPICS.mentions], { partitions: PARTITIONS });
      const subscribe = (groupId: string, handle: Subscription['handle'], extra: Partial<Subscription> = {}) =>
        bus.subscribe({ groupId, topics: [TOPICS.posts], handle, retry: FAST_RETRY, ...extra });
      return { bus, prefix, logLines, subscribe };
    }

    afterEach(async () => {
      for (const { bus, prefix } of opened.splice(0)) {
        await bus.close();
        await harness.cleanup?.(prefix);
      }
    });

    it('delivers every event once, in publish order per partition key, in batches of at most maxBatchSize', async () => {
      const { bus, subscribe } = await setup();
      const received = recorder();
      await subscribe('orders', received.handle, { maxBatchSize: 5 });

      // Three posts, eight versions each, interleaved across two publish calls.
      const posts = ['p1', 'p2', 'p3'];
      const events = Array.from({ length: 8 }, (_, v) => posts.map((p) => postEvent(p, v + 1))).flat();
      await bus.publish(events.slice(0, 12));
      await bus.publish(events.slice(12));
      await wait(() => received.handled.length >= events.length, 'all 24 events');

      expect(received.ids().sort()).toEqual(events.map((e) => e.id).sort());
      for (const post of posts) {
        const versions = received.handled.filter((d) => d.key === keyOf(post)).map((d) => (d.event.payload as { post: { text: string } }).post.text);
        expect(versions).toEqual(Array.from({ length: 8 }, (_, v) => `version ${v + 1}`));
      }
      for (const call of received.calls) expect(call.length).toBeLessThanOrEqual(5);

      const published = defined(events[0], 'a published event');
      const first = defined(
        received.handled.find((d) => d.event.id === published.id),
        'the first event delivered',
      );
      expect(first.event).toEqual(published);
      expect(first.topic).toBe(TOPICS.posts);
      // Offsets grow within each partition.
      for (let p = 0; p < PARTITIONS; p++) {
        const offsets = received.handled.filter((d) => d.partition === p).map((d) => BigInt(d.offset));
        expect(offsets).toEqual([...offsets].sort((a, b) => (a < b ? -1 : 1)));
      }
    });

    it('delivers every event to each consumer group', async () => {
      const { bus, subscribe } = await setup();
      const analytics = recorder();
      const listening = recorder();
      await subscribe('analytics', analytics.handle);
      await subscribe('listening', listening.handle);

      const events = Array.from({ length: 12 }, (_, i) => postEvent(`fan-${i % 4}`));
      await bus.publish(events);
      await wait(() => analytics.handled.length >= 12 && listening.handled.length >= 12, 'both groups to get 12 events');

      const all = events.map((e) => e.id).sort();
      expect(analytics.ids().sort()).toEqual(all);
      expect(listening.ids().sort()).toEqual(all);
    });

    it('splits the partitions between two consumers of one group, handling each event once', async () => {
      const { bus, subscribe } = await setup();
      const first = recorder();
      const second = recorder();
      await subscribe('shared', first.handle);
      await subscribe('shared', second.handle);

      // Thirty posts, so every partition gets some.
      const events = Array.from({ length: 30 }, (_, i) => postEvent(`split-${i}`));
      await bus.publish(events);
      const distinct = () => new Set([...first.ids(), ...second.ids()]).size;
      await wait(() => distinct() >= 30, 'the group to handle 30 events');

      expect([...first.ids(), ...second.ids()].sort()).toEqual(events.map((e) => e.id).sort());
      expect(first.handled.length).toBeGreaterThan(0);
      expect(second.handled.length).toBeGreaterThan(0);
      const partitionsOf = (r: ReturnType<typeof recorder>) => new Set(r.handled.map((d) => d.partition));
      const overlap = [...partitionsOf(first)].filter((p) => partitionsOf(second).has(p));
      expect(overlap).toEqual([]);
    });

    it('redelivers an event whose handler failed until it succeeds, and processes it once', async () => {
      const { bus, subscribe } = await setup();
      const flaky = postEvent('flaky');
      let failuresLeft = 2;
      const received = recorder((events) => {
        if (events.some((d) => d.event.id === flaky.id) && failuresLeft > 0) {
          failuresLeft -= 1;
          throw new HandlerError('database is restarting', 'TEST_TRANSIENT');
        }
      });
      await subscribe('flaky', received.handle);

      const before = postEvent('flaky');
      const after = postEvent('flaky');
      await bus.publish([before, flaky, after]);
      await wait(() => received.ids().includes(after.id), 'the event after the flaky one');

      expect(countOf(received.ids(), flaky.id)).toBe(1);
      expect(received.calls.filter((c) => c.some((d) => d.event.id === flaky.id))).toHaveLength(3);
      expect(received.ids()).toEqual([before.id, flaky.id, after.id]);
    });

    it('dead-letters an event whose handler keeps failing, with the error in headers, and goes on', async () => {
      const { bus, prefix, subscribe } = await setup();
      const doomed = postEvent('doomed');
      const received = recorder((events) => {
        if (events.some((d) => d.event.id === doomed.id)) throw new HandlerError('payload refers to an unknown profile', 'TEST_UNKNOWN_PROFILE');
      });
      await subscribe('doomed', received.handle);

      const rest = [postEvent('doomed'), postEvent('doomed'), postEvent('other')];
      await bus.publish([postEvent('doomed'), doomed, ...rest]);
      await wait(() => rest.every((e) => received.ids().includes(e.id)), 'the events after the failing one');
      const [found, ...others] = await harness.readTopic(bus, deadLetterTopicOf(TOPICS.posts), 1, harness.timeoutMs);
      const letter = defined(found, 'a dead letter');

      expect(others).toEqual([]);
      expect(received.ids()).not.toContain(doomed.id);
      expect(received.handled).toHaveLength(4);
      // Retried as part of its batch, then alone: never fewer than the attempts of the policy.
      expect(received.calls.filter((c) => c.some((d) => d.event.id === doomed.id)).length).toBeGreaterThanOrEqual(FAST_RETRY.attempts);
      expect(letter.value).toEqual(encodeEvent(doomed));
      expect(letter.key).toBe(keyOf('doomed'));
      // The failing event came right after the first event of its post.
      const original = defined(
        received.handled.find((d) => d.key === keyOf('doomed')),
        'the event before it',
      );
      expect(letter.headers).toMatchObject({
        [DEAD_LETTER_HEADERS.errorCode]: 'TEST_UNKNOWN_PROFILE',
        [DEAD_LETTER_HEADERS.errorMessage]: 'payload refers to an unknown profile',
        [DEAD_LETTER_HEADERS.originalTopic]: `${prefix}${TOPICS.posts}`,
        [DEAD_LETTER_HEADERS.originalPartition]: String(original.partition),
        [DEAD_LETTER_HEADERS.originalOffset]: String(BigInt(original.offset) + 1n),
        [DEAD_LETTER_HEADERS.consumerGroup]: `${prefix}doomed`,
      });
      expect(Date.parse(letter.headers[DEAD_LETTER_HEADERS.failedAt] ?? '')).toBeGreaterThan(Date.now() - 5 * 60_000);
    });

    it('hands each dead letter to the service store before the dead-letter topic, waiting out a store outage', async () => {
      const { bus, prefix, subscribe } = await setup();
      const doomed = postEvent('kept');
      const received = recorder((events) => {
        if (events.some((d) => d.event.id === doomed.id)) throw new HandlerError('always fails', 'TEST_ALWAYS', false);
      });
      const recorded: DeadLetter[] = [];
      // The store is down twice (transient), then takes the letters.
      let storeDown = 2;
      await subscribe('kept', received.handle, {
        isTransient: (error) => error.message === 'store down',
        recordDeadLetters: async (letters) => {
          if (storeDown-- > 0) throw new Error('store down');
          recorded.push(...letters);
        },
      });
      await bus.publishRaw(TOPICS.posts, 'poison-key', 'not json at all');
      const after = postEvent('other');
      await bus.publish([doomed]);
      await bus.publish([after]);
      await wait(() => received.ids().includes(after.id) && recorded.length >= 2, 'both dead letters recorded and the event after them');
      const [letter] = await harness.readTopic(bus, deadLetterTopicOf(TOPICS.posts), 2, harness.timeoutMs);

      expect(defined(letter, 'a dead letter on the topic').value).toBeTruthy();
      const byCode = Object.fromEntries(recorded.map((r) => [r.errorCode, r]));
      expect(byCode.TEST_ALWAYS).toMatchObject({
        topic: TOPICS.posts,
        groupId: 'kept',
        eventId: doomed.id,
        eventType: doomed.type,
        workspaceId: WORKSPACE,
        errorMessage: 'always fails',
        key: keyOf('kept'),
        value: encodeEvent(doomed),
      });
      expect(byCode.TEST_ALWAYS?.failedAt).toBeInstanceOf(Date);
      const poison = Object.values(byCode).find((r) => r.errorCode !== 'TEST_ALWAYS');
      expect(poison).toMatchObject({ eventId: null, workspaceId: null, key: 'poison-key', value: Buffer.from('not json at all') });
      expect(recorded.every((r) => r.topic === TOPICS.posts && !r.topic.startsWith(prefix) && Number.isInteger(r.partition) && /^\d+$/.test(r.offset))).toBe(
        true,
      );
    });

    it('waits out a dependency outage the subscription calls transient, and dead-letters nothing', async () => {
      const { bus, subscribe } = await setup();
      // Eight failures against a policy of three attempts: only the transient rule keeps it alive.
      let outageLeft = 8;
      const received = recorder(() => {
        if (outageLeft > 0) {
          outageLeft -= 1;
          throw new HandlerError('connect ECONNREFUSED 127.0.0.1:5432', 'TEST_DB_DOWN');
        }
      });
      await subscribe('outage', received.handle, { isTransient: (error) => error.message.includes('ECONNREFUSED') });

      const events = [postEvent('outage'), postEvent('outage'), postEvent('other')];
      await bus.publish(events);
      await wait(() => events.every((e) => received.ids().includes(e.id)), 'every event after the outage');

      expect(outageLeft).toBe(0);
      expect(received.ids()).toEqual(expect.arrayContaining(events.map((e) => e.id)));
      expect(await harness.readTopic(bus, deadLetterTopicOf(TOPICS.posts), 0, 500)).toEqual([]);
    });

    it('skips the retries for an error marked retriable: false', async () => {
      const { bus, subscribe } = await setup();
      const invalid = postEvent('final');
      const received = recorder((events) => {
        if (events.some((d) => d.event.id === invalid.id)) throw new HandlerError('post belongs to a deleted workspace', 'TEST_GONE', false);
      });
      await subscribe('final', received.handle, { retry: { attempts: 10, initialDelayMs: 10, maxDelayMs: 50 } });

      const next = postEvent('final');
      await bus.publish([invalid, next]);
      const [letter] = await harness.readTopic(bus, deadLetterTopicOf(TOPICS.posts), 1, harness.timeoutMs);
      await wait(() => received.ids().includes(next.id), 'the event after the failing one');

      expect(letter?.headers[DEAD_LETTER_HEADERS.errorCode]).toBe('TEST_GONE');
      // At most once in its batch and once alone; ten attempts were allowed.
      expect(received.calls.filter((c) => c.some((d) => d.event.id === invalid.id)).length).toBeLessThanOrEqual(2);
    });

    it('dead-letters messages that are not valid events without calling the handler, and goes on', async () => {
      const { bus, subscribe } = await setup();
      const received = recorder();
      await subscribe('poison', received.handle);

      const valid = postEvent('poisoned');
      const good = JSON.parse(encodeEvent(postEvent('poisoned')).toString()) as Record<string, unknown>;
      const poison: Array<[value: string, error: RegExp]> = [
        ['{"truncated": ', /not JSON/],
        [JSON.stringify({ hello: 'world' }), /not an event envelope/],
        [JSON.stringify({ ...good, type: 'ingestion.post.deleted' }), /unknown event type "ingestion\.post\.deleted"/],
        [JSON.stringify({ ...good, payload: { post: { network: 'myspace' } } }), /invalid ingestion\.post\.updated/],
      ];
      await bus.publish([valid]);
      for (const [value] of poison) await bus.publishRaw(TOPICS.posts, keyOf('poisoned'), value);
      const after = postEvent('poisoned');
      await bus.publish([after]);

      await wait(() => received.ids().includes(after.id), 'the event after the poison messages');
      const letters = await harness.readTopic(bus, deadLetterTopicOf(TOPICS.posts), poison.length, harness.timeoutMs);

      expect(received.ids()).toEqual([valid.id, after.id]);
      expect(letters).toHaveLength(poison.length);
      const offsetOf = (r: ContractRecord) => Number(r.headers[DEAD_LETTER_HEADERS.originalOffset]);
      const byOffset = [...letters].sort((a, b) => offsetOf(a) - offsetOf(b));
      expect(byOffset.map((l) => l.value?.toString())).toEqual(poison.map(([value]) => value));
      byOffset.forEach((letter, i) => {
        expect(letter.headers[DEAD_LETTER_HEADERS.errorCode]).toBe('EVENT_INVALID');
        expect(letter.headers[DEAD_LETTER_HEADERS.errorMessage]).toMatch(defined(poison[i], 'a poison message')[1]);
      });
    });

    it('does not commit past a message it could not dead-letter, and delivers it again', async () => {
      const { bus, logLines, subscribe } = await setup();
      await harness.deleteTopic(bus, deadLetterTopicOf(TOPICS.posts));
      const received = recorder();
      await subscribe('no-dlq', received.handle);

      await bus.publishRaw(TOPICS.posts, keyOf('stuck'), 'not json');
      const after = postEvent('stuck');
      await bus.publish([after]);
      await wait(() => logLines.some((l) => l.msg?.startsWith('could not write dead letters')), 'a failed dead-letter write');

      await bus.ensureTopics([TOPICS.posts], { partitions: PARTITIONS });
      const [letter] = await harness.readTopic(bus, deadLetterTopicOf(TOPICS.posts), 1, harness.timeoutMs);
      await wait(() => received.ids().includes(after.id), 'the event after it');

      expect(letter?.value?.toString()).toBe('not json');
      expect(letter?.headers[DEAD_LETTER_HEADERS.originalOffset]).toBe('0');
    });

    it('resumes from the committed offset after the consumer stops and starts again', async () => {
      const { bus, subscribe } = await setup();
      const firstRun = recorder();
      const handle = await subscribe('resume', firstRun.handle);
      const early = Array.from({ length: 5 }, (_, i) => postEvent(`resume-${i}`));
      await bus.publish(early);
      await wait(() => firstRun.handled.length >= 5, 'the first five events');
      await handle.stop();

      const late = Array.from({ length: 5 }, (_, i) => postEvent(`resume-${i}`));
      await bus.publish(late);
      const secondRun = recorder();
      await subscribe('resume', secondRun.handle);
      await wait(() => secondRun.handled.length >= 5, 'the five events published while stopped');

      expect(firstRun.ids().sort()).toEqual(early.map((e) => e.id).sort());
      expect(secondRun.ids().sort()).toEqual(late.map((e) => e.id).sort());
    });

    /** A handler that blocks on its first call until released. */
    function gatedHandler() {
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const state = { entered: false, finished: false, release: () => release() };
      const handle = async () => {
        state.entered = true;
        await gate;
        state.finished = true;
      };
      return { state, handle };
    }

    async function isStillPending(promise: Promise<unknown>): Promise<boolean> {
      let settled = false;
      void promise.then(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      return !settled;
    }

    it('lets the handler in flight finish on stop, and commits what it handled', async () => {
      const { bus, subscribe } = await setup();
      const gated = gatedHandler();
      const handle = await subscribe('stopping', gated.handle);
      const inFlight = postEvent('stopping');
      await bus.publish([inFlight]);
      await wait(() => gated.state.entered, 'the handler to start');

      const stopping = handle.stop();
      expect(await isStillPending(stopping)).toBe(true);
      gated.state.release();
      await stopping;
      expect(gated.state.finished).toBe(true);

      const received = recorder();
      await subscribe('stopping', received.handle);
      const marker = postEvent('stopping');
      await bus.publish([marker]);
      await wait(() => received.ids().includes(marker.id), 'the marker event');
      // Same key, same partition: an uncommitted `inFlight` would have come before the marker.
      expect(received.ids()).toEqual([marker.id]);
    });

    it('lets the handler in flight finish on close', async () => {
      const { bus, subscribe } = await setup();
      const gated = gatedHandler();
      await subscribe('closing', gated.handle);
      await bus.publish([postEvent('closing')]);
      await wait(() => gated.state.entered, 'the handler to start');

      const closing = bus.close();
      expect(await isStillPending(closing)).toBe(true);
      gated.state.release();
      await closing;
      expect(gated.state.finished).toBe(true);
    });

    it('refuses to publish an invalid event and sends none of its batch', async () => {
      const { bus, subscribe } = await setup();
      const received = recorder();
      await subscribe('strict', received.handle);

      const valid = postEvent('strict');
      const invalid = { ...postEvent('strict'), workspaceId: '' } as HeraldEvent;
      await expect(bus.publish([valid, invalid])).rejects.toMatchObject({ code: 'EVENT_INVALID' });
      const later = postEvent('strict');
      await bus.publish([later]);
      await wait(() => received.ids().includes(later.id), 'the later event');

      // Same key, same partition: had `valid` been sent, it would have come first.
      expect(received.ids()).toEqual([later.id]);
    });

    it('creates topics idempotently, refuses unknown topics and answers ping until closed', async () => {
      const { bus } = await setup({ createTopics: false });
      await expect(bus.subscribe({ groupId: 'early', topics: [TOPICS.posts], handle: () => Promise.resolve() })).rejects.toMatchObject({
        code: 'EVENT_BUS_UNKNOWN_TOPIC',
      });
      await bus.ensureTopics([TOPICS.posts], { partitions: PARTITIONS });
      await bus.ensureTopics([TOPICS.posts], { partitions: PARTITIONS });
      await expect(bus.ping()).resolves.toBeUndefined();

      await bus.close();
      await expect(bus.ping()).rejects.toMatchObject({ code: 'EVENT_BUS_CLOSED' });
      await expect(bus.publish([postEvent('closed')])).rejects.toMatchObject({ code: 'EVENT_BUS_CLOSED' });
    });
  });
}
