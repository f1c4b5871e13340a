import { deadLetterTopicOf, TOPICS, type HeraldEvent } from '@herald/events';
import { pino, type Logger } from 'pino';

import { processChunk, type ChunkContext } from '../chunk-processor.ts';
import { DEFAULT_PARTITIONS, type EnsureTopicsOptions, type EventBus, type RawPublisher, type Subscription, type SubscriptionHandle } from '../event-bus.ts';
import { EventBusError } from '../event-bus-error.ts';
import { toBuffer, toOutgoingMessages, type OutgoingMessage } from '../outgoing-message.ts';
import { resolveSubscription, type ResolvedSubscription } from '../subscription-options.ts';
import { topicNamesOf, type TopicNames } from '../topic-names.ts';

export interface MemoryEventBusOptions {
  topicPrefix?: string;
  logger?: Logger;
}

/** One stored message, as `records()` returns it. */
export interface MemoryRecord {
  /** Logical topic. */
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Readonly<Record<string, string>>;
  timestamp: Date;
}

interface StoredMessage {
  key: Buffer | null;
  value: Buffer | null;
  headers: Readonly<Record<string, string>>;
  timestamp: Date;
}

interface GroupState {
  id: string;
  /** Next offset to deliver, per `${topic}:${partition}`. */
  committed: Map<string, number>;
  /** Join order decides the assignment, as a range of partitions per member would in Kafka. */
  members: Member[];
  /** Partitions a member is handling right now: after a reassignment nobody else takes them until it is done. */
  inFlight: Set<string>;
}

interface Member {
  group: GroupState;
  subscription: ResolvedSubscription;
  /** Physical topics. */
  topics: string[];
  logger: Logger;
  running: boolean;
  scheduled: boolean;
  busy: boolean;
  /** Set after a failed dead-letter write: wait before the messages come again. */
  blockedUntil: number;
  timer: NodeJS.Timeout | undefined;
  run: Promise<void>;
  cursor: number;
}

interface Assigned {
  topic: string;
  partition: number;
  id: string;
  log: StoredMessage[];
}

interface Work {
  topic: string;
  partition: number;
  from: number;
  messages: StoredMessage[];
}

const partitionId = (topic: string, partition: number) => `${topic}:${partition}`;
const REDELIVERY_DELAY_MS = 1_000;
const DRAIN_POLL_MS = 100;

/**
 * The bus inside one process, for the embedded mode and tests. Topics are append-only logs
 * with partitions, groups keep committed offsets, and delivery follows the same rules as
 * Kafka: events travel as bytes and are decoded again, handlers run asynchronously (never
 * inside `publish`), with the same retries, dead letters and validation.
 */
export class MemoryEventBus implements EventBus, RawPublisher {
  readonly #names: TopicNames;
  readonly #logger: Logger;
  readonly #topics = new Map<string, StoredMessage[][]>();
  readonly #groups = new Map<string, GroupState>();
  readonly #progress = new Set<() => void>();
  #roundRobin = 0;
  #closed = false;

  constructor(options: MemoryEventBusOptions = {}) {
    this.#names = topicNamesOf(options.topicPrefix);
    this.#logger = (options.logger ?? pino({ level: 'warn' })).child({ component: 'memory-event-bus' });
  }

  async publish(events: readonly HeraldEvent[]): Promise<void> {
    this.#assertOpen();
    this.#append(toOutgoingMessages(events, this.#names));
  }

  async publishRaw(topic: string, key: string | null, value: Buffer | string | null, headers: Readonly<Record<string, string>> = {}): Promise<void> {
    this.#assertOpen();
    this.#append([{ topic: this.#names.topic(topic), key, value: toBuffer(value), headers }]);
  }

  async subscribe(subscription: Subscription): Promise<SubscriptionHandle> {
    this.#assertOpen();
    const resolved = resolveSubscription(subscription);
    const topics = resolved.topics.map((t) => this.#names.topic(t));
    for (const topic of topics) this.#partitionsOf(topic);

    const groupId = this.#names.group(resolved.groupId);
    let group = this.#groups.get(groupId);
    if (!group) {
      group = { id: groupId, committed: new Map(), members: [], inFlight: new Set() };
      this.#groups.set(groupId, group);
    }
    for (const topic of topics) {
      this.#partitionsOf(topic).forEach((log, partition) => {
        const id = partitionId(topic, partition);
        if (!group.committed.has(id)) group.committed.set(id, resolved.fromBeginning ? 0 : log.length);
      });
    }
    const member: Member = {
      group,
      subscription: resolved,
      topics,
      logger: this.#logger.child({ groupId }),
      running: true,
      scheduled: false,
      busy: false,
      blockedUntil: 0,
      timer: undefined,
      run: Promise.resolve(),
      cursor: 0,
    };
    group.members.push(member);
    this.#wakeGroup(group);
    return { stop: () => this.#stop(member) };
  }

  async ensureTopics(topics: readonly string[] = Object.values(TOPICS), options: EnsureTopicsOptions = {}): Promise<void> {
    this.#assertOpen();
    const partitions = options.partitions ?? DEFAULT_PARTITIONS;
    if (!Number.isInteger(partitions) || partitions < 1) {
      throw new EventBusError('EVENT_BUS_CONFIG_INVALID', `partitions must be a positive integer, got ${partitions}`);
    }
    for (const logical of topics) {
      for (const topic of [this.#names.topic(logical), deadLetterTopicOf(this.#names.topic(logical))]) {
        if (!this.#topics.has(topic))
          this.#topics.set(
            topic,
            Array.from({ length: partitions }, () => []),
          );
      }
    }
  }

  async ping(): Promise<void> {
    this.#assertOpen();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const members = [...this.#groups.values()].flatMap((g) => g.members);
    await Promise.all(members.map((m) => this.#stop(m)));
    this.#notifyProgress();
  }

  /** Every message of a logical topic, partition by partition. A test and operations tool. */
  records(topic: string): MemoryRecord[] {
    return this.#partitionsOf(this.#names.topic(topic)).flatMap((log, partition) =>
      log.map((m, offset) => ({ topic, partition, offset: String(offset), ...m })),
    );
  }

  /** Removes a topic and everything in it (its dead-letter topic stays). A test and operations tool. */
  async deleteTopic(topic: string): Promise<void> {
    this.#topics.delete(this.#names.topic(topic));
  }

  /** True when every running subscriber has handled everything published so far. */
  isIdle(): boolean {
    for (const group of this.#groups.values()) {
      for (const member of group.members) {
        if (member.running && (member.busy || member.scheduled || this.#hasPendingWork(member))) return false;
      }
    }
    return true;
  }

  /**
   * Resolves once every subscriber has caught up (handled, retried or dead-lettered every
   * message). Rejects when that takes longer than `timeoutMs` (default 30 s).
   */
  async drain(options: { timeoutMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    while (!this.isIdle()) {
      if (Date.now() >= deadline) {
        const lagging = [...this.#groups.values()].filter((g) => g.members.some((m) => m.running && (m.busy || this.#hasPendingWork(m))));
        throw new EventBusError('EVENT_BUS_DRAIN_TIMEOUT', `subscribers did not catch up in time: ${lagging.map((g) => g.id).join(', ')}`);
      }
      // Progress wakes us; the poll covers members waiting out a redelivery delay.
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.#progress.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.min(DRAIN_POLL_MS, Math.max(0, deadline - Date.now())));
        this.#progress.add(done);
      });
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new EventBusError('EVENT_BUS_CLOSED', 'the event bus is closed');
  }

  #partitionsOf(topic: string): StoredMessage[][] {
    const partitions = this.#topics.get(topic);
    if (!partitions) throw new EventBusError('EVENT_BUS_UNKNOWN_TOPIC', `topic "${topic}" does not exist (create it with ensureTopics)`);
    return partitions;
  }

  /** All or nothing: every topic is checked before the first message is stored. */
  #append(messages: readonly OutgoingMessage[]): void {
    for (const m of messages) this.#partitionsOf(m.topic);
    const timestamp = new Date();
    const touched = new Set<string>();
    for (const m of messages) {
      const partitions = this.#partitionsOf(m.topic);
      const key = toBuffer(m.key);
      const partition = key ? hashOf(key) % partitions.length : this.#roundRobin++ % partitions.length;
      at(partitions, partition).push({ key, value: m.value, headers: { ...m.headers }, timestamp });
      touched.add(m.topic);
    }
    for (const group of this.#groups.values()) {
      if (group.members.some((member) => member.topics.some((t) => touched.has(t)))) this.#wakeGroup(group);
    }
  }

  /** Partitions of this member: partition p of a topic goes to member p mod n among the n members subscribed to it. */
  #assignment(member: Member): Assigned[] {
    const assigned: Assigned[] = [];
    for (const topic of member.topics) {
      const partitions = this.#topics.get(topic);
      if (!partitions) continue;
      const peers = member.group.members.filter((m) => m.topics.includes(topic));
      const index = peers.indexOf(member);
      for (let p = index; p < partitions.length; p += peers.length) assigned.push({ topic, partition: p, id: partitionId(topic, p), log: at(partitions, p) });
    }
    return assigned;
  }

  #hasPendingWork(member: Member): boolean {
    return this.#assignment(member).some(({ id, log }) => (member.group.committed.get(id) ?? 0) < log.length);
  }

  /** The next partition with messages, round robin so that one busy partition does not starve the others. */
  #nextWork(member: Member): Work | undefined {
    if (Date.now() < member.blockedUntil) return undefined;
    const assigned = this.#assignment(member);
    for (let i = 0; i < assigned.length; i++) {
      const { topic, partition, id, log } = at(assigned, (member.cursor + i) % assigned.length);
      if (member.group.inFlight.has(id)) continue;
      const from = member.group.committed.get(id) ?? 0;
      if (from < log.length) {
        member.cursor = (member.cursor + i + 1) % assigned.length;
        return { topic, partition, from, messages: log.slice(from, from + member.subscription.maxBatchSize) };
      }
    }
    return undefined;
  }

  #wakeGroup(group: GroupState): void {
    for (const member of group.members) this.#schedule(member);
  }

  /** Delivery always starts from the event loop, never inside the caller's publish. */
  #schedule(member: Member): void {
    if (!member.running || member.scheduled || member.busy) return;
    member.scheduled = true;
    setImmediate(() => {
      member.scheduled = false;
      if (member.running && !member.busy) member.run = this.#consume(member);
    });
  }

  async #consume(member: Member): Promise<void> {
    member.busy = true;
    const { group } = member;
    try {
      for (let work = this.#nextWork(member); work && member.running; work = this.#nextWork(member)) {
        const { topic, partition, from, messages } = work;
        const id = partitionId(topic, partition);
        group.inFlight.add(id);
        try {
          const outcome = await processChunk(
            this.#contextOf(member),
            messages.map((m, i) => ({ topic, partition, offset: String(from + i), key: m.key, value: m.value })),
          );
          if (outcome === 'processed') group.committed.set(id, from + messages.length);
        } catch {
          // processChunk has logged it; wait a moment, then the same messages come again.
          this.#blockFor(member, REDELIVERY_DELAY_MS);
        } finally {
          group.inFlight.delete(id);
          // A partition just released may be waiting for its new owner.
          for (const other of group.members) if (other !== member) this.#schedule(other);
          this.#notifyProgress();
        }
      }
    } finally {
      member.busy = false;
      this.#notifyProgress();
    }
  }

  #contextOf(member: Member): ChunkContext {
    return {
      subscription: member.subscription,
      groupId: member.group.id,
      names: this.#names,
      logger: member.logger,
      deadLetter: async (messages) => this.#append(messages),
      shouldStop: () => !member.running,
      heartbeat: () => Promise.resolve(),
    };
  }

  #blockFor(member: Member, delayMs: number): void {
    member.blockedUntil = Date.now() + delayMs;
    clearTimeout(member.timer);
    member.timer = setTimeout(() => {
      member.blockedUntil = 0;
      this.#schedule(member);
    }, delayMs);
    // A bus waiting to redeliver must not keep a finished process alive.
    member.timer.unref();
  }

  async #stop(member: Member): Promise<void> {
    if (member.running) {
      member.running = false;
      clearTimeout(member.timer);
    }
    await member.run;
    const { group } = member;
    const index = group.members.indexOf(member);
    if (index >= 0) {
      group.members.splice(index, 1);
      this.#wakeGroup(group);
    }
    this.#notifyProgress();
  }

  #notifyProgress(): void {
    for (const resolve of [...this.#progress]) resolve();
  }
}

export const createMemoryEventBus = (options: MemoryEventBusOptions = {}): MemoryEventBus => new MemoryEventBus(options);

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new RangeError(`index ${index} out of range 0..${list.length - 1}`);
  return item;
}

/** FNV-1a: cheap and stable, enough to spread keys over partitions. */
function hashOf(bytes: Buffer): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash >>> 0;
}
