import { deadLetterTopicOf, TOPICS, type HeraldEvent } from '@herald/events';
import { Kafka, Partitioners, type Admin, type EachBatchPayload, type Producer, type RetryOptions } from 'kafkajs';
import { pino, type Logger } from 'pino';

import { processChunk, type ChunkContext, type IncomingMessage } from '../chunk-processor.ts';
import { DEFAULT_PARTITIONS, type EnsureTopicsOptions, type EventBus, type RawPublisher, type Subscription, type SubscriptionHandle } from '../event-bus.ts';
import { EventBusError, toError } from '../event-bus-error.ts';
import { toBuffer, toOutgoingMessages, type OutgoingMessage } from '../outgoing-message.ts';
import { resolveSubscription, type ResolvedSubscription } from '../subscription-options.ts';
import { topicNamesOf, type TopicNames } from '../topic-names.ts';
import { kafkaLogLevelOf, pinoLogCreator } from './kafka-log-creator.ts';

export interface KafkaEventBusConfig {
  clientId: string;
  /** host:port of one or more brokers, e.g. ['127.0.0.1:9092']. */
  brokers: readonly string[];
  /** Put in front of every topic and group name, e.g. `test-abc123.`: runs and tenants never share topics. */
  topicPrefix?: string;
  logger?: Logger;
}

export interface KafkaEventBus extends EventBus, RawPublisher {
  readonly topicPrefix: string;
}

// Bounded everywhere: kafkajs would otherwise keep a consumer restarting forever without a broker.
const RETRY: RetryOptions = { retries: 5, initialRetryTime: 300, maxRetryTime: 5_000 };
// The admin client connects first and retries little, so a missing broker fails startup in about a second.
const ADMIN_RETRY: RetryOptions = { retries: 2, initialRetryTime: 300, maxRetryTime: 1_000 };
const CONNECTION_TIMEOUT_MS = 3_000;
const SESSION_TIMEOUT_MS = 30_000;
const HEARTBEAT_INTERVAL_MS = 3_000;
// A consumer idle in a long poll notices a rebalance only when the poll returns; keep it short.
const MAX_WAIT_TIME_MS = 1_000;
const JOIN_TIMEOUT_MS = 60_000;
// How long subscribe() keeps trying while the broker answers with retriable errors.
const SUBSCRIBE_RETRY_MS = 120_000;
const BROKER_WARMING_UP = [
  'GROUP_LOAD_IN_PROGRESS',
  'GROUP_COORDINATOR_NOT_AVAILABLE',
  'NOT_COORDINATOR_FOR_GROUP',
  'REBALANCE_IN_PROGRESS',
  'LEADER_NOT_AVAILABLE',
];
const PING_TIMEOUT_MS = 5_000;
// How long new topics may take to be served by their leaders (seconds on a loaded broker).
const TOPICS_SERVED_TIMEOUT_MS = 60_000;
// Crashes in a row (no successful join in between) before a consumer is given up for good.
const MAX_CONSUMER_RESTARTS = 5;
// Kafka rejects a record batch above message.max.bytes (1 MiB by default); kafkajs puts every
// message of one partition in one batch, so large publishes go out in slices.
const MAX_SEND_BYTES = 512 * 1024;

/**
 * Connects a producer and an admin client. Fails fast, with EVENT_BUS_UNREACHABLE, when no
 * broker answers.
 */
export async function createKafkaEventBus(config: KafkaEventBusConfig): Promise<KafkaEventBus> {
  const bus = new KafkaJsEventBus(config);
  await bus.connect();
  return bus;
}

interface RunningConsumer {
  stop(): Promise<void>;
}

class KafkaJsEventBus implements KafkaEventBus {
  readonly #names: TopicNames;
  readonly #logger: Logger;
  readonly #brokers: readonly string[];
  readonly #kafka: Kafka;
  readonly #producer: Producer;
  readonly #admin: Admin;
  readonly #consumers = new Set<RunningConsumer>();
  // One send at a time: the idempotent producer numbers batches per partition when it builds
  // them, and two concurrent sends to one partition would be refused as out of order.
  #sending: Promise<unknown> = Promise.resolve();
  #closing: Promise<void> | undefined;

  constructor(config: KafkaEventBusConfig) {
    if (config.brokers.length === 0) throw new EventBusError('EVENT_BUS_CONFIG_INVALID', 'no Kafka brokers configured');
    this.#names = topicNamesOf(config.topicPrefix);
    this.#brokers = config.brokers;
    this.#logger = (config.logger ?? pino({ level: 'warn' })).child({ component: 'kafka-event-bus' });
    const clientConfig = {
      clientId: config.clientId,
      brokers: [...config.brokers],
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      logLevel: kafkaLogLevelOf(this.#logger),
      logCreator: pinoLogCreator(this.#logger),
    };
    this.#kafka = new Kafka({ ...clientConfig, retry: RETRY });
    this.#producer = this.#kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Named explicitly (murmur2, as the Java client) so kafkajs does not warn about its default.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    // Connection retries follow the client's setting, not the admin's: the admin gets a client of its own.
    this.#admin = new Kafka({ ...clientConfig, retry: ADMIN_RETRY }).admin();
  }

  get topicPrefix(): string {
    return this.#names.prefix;
  }

  async connect(): Promise<void> {
    try {
      await this.#admin.connect();
      await this.#producer.connect();
    } catch (error) {
      await Promise.allSettled([this.#producer.disconnect(), this.#admin.disconnect()]);
      throw this.#unreachable(error);
    }
  }

  async publish(events: readonly HeraldEvent[]): Promise<void> {
    this.#assertOpen();
    if (events.length === 0) return;
    await this.#send(toOutgoingMessages(events, this.#names), `publishing ${events.length} event(s)`);
  }

  async publishRaw(topic: string, key: string | null, value: Buffer | string | null, headers: Readonly<Record<string, string>> = {}): Promise<void> {
    this.#assertOpen();
    await this.#send([{ topic: this.#names.topic(topic), key, value: toBuffer(value), headers }], `publishing to ${topic}`);
  }

  /**
   * Joins the group, trying again while the broker answers with a retriable error (a coordinator
   * still loading its group state after a restart, a leader election): before the first join
   * kafkajs does not restart a crashed consumer, and a service must not die of a broker warming up.
   */
  async subscribe(subscription: Subscription): Promise<SubscriptionHandle> {
    const deadline = Date.now() + SUBSCRIBE_RETRY_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#subscribeOnce(subscription);
      } catch (error) {
        // Only a broker that answers and says "not yet": an unreachable broker still fails fast.
        const retriable =
          error instanceof EventBusError && error.code === 'EVENT_BUS_SUBSCRIBE_FAILED' && BROKER_WARMING_UP.some((type) => hasCause(error, type));
        if (!retriable || this.#closing || Date.now() > deadline) throw error;
        this.#logger.warn({ err: error, attempt }, 'the broker is not ready for this consumer group yet; trying again');
        await new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 5_000)));
      }
    }
  }

  async #subscribeOnce(subscription: Subscription): Promise<SubscriptionHandle> {
    this.#assertOpen();
    const sub = resolveSubscription(subscription);
    const groupId = this.#names.group(sub.groupId);
    const topics = sub.topics.map((t) => this.#names.topic(t));
    const logger = this.#logger.child({ groupId });

    const missing = await this.#missingTopics(topics);
    if (missing.length > 0) {
      throw new EventBusError(
        'EVENT_BUS_UNKNOWN_TOPIC',
        `cannot subscribe ${groupId}: topic(s) ${missing.join(', ')} do not exist (create them with ensureTopics)`,
      );
    }

    let joined = false;
    let stopping = false;
    let crashes = 0;
    const consumer = this.#kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: SESSION_TIMEOUT_MS,
      heartbeatInterval: HEARTBEAT_INTERVAL_MS,
      maxWaitTimeInMs: MAX_WAIT_TIME_MS,
      retry: {
        ...RETRY,
        // Before the first join a crash fails subscribe() instead; after it, kafkajs restarts the
        // consumer a bounded number of times, so a broker that is gone for good ends in onFatal.
        restartOnFailure: async () => joined && !stopping && crashes < MAX_CONSUMER_RESTARTS,
      },
    });

    let settleJoin: ((error?: Error) => void) | undefined;
    const firstJoin = new Promise<void>((resolve, reject) => {
      settleJoin = (error) => (error ? reject(error) : resolve());
    });
    // A crash may come while consumer.run() is still starting, before anything awaits the join.
    firstJoin.catch(() => undefined);
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      joined = true;
      crashes = 0;
      logger.debug({ memberId: payload.memberId, assignment: payload.memberAssignment }, 'joined the consumer group');
      settleJoin?.();
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      crashes += 1;
      if (!joined) return settleJoin?.(payload.error);
      if (payload.restart || stopping) return;
      const error = new EventBusError('EVENT_BUS_CONSUMER_CRASHED', `consumer ${groupId} crashed for good: ${payload.error.message}`, { cause: payload.error });
      logger.fatal({ err: payload.error }, 'consumer crashed and will not restart');
      sub.onFatal?.(error);
    });

    // Registered before connecting, so that a close() during subscribe stops this consumer too.
    let stopped: Promise<void> | undefined;
    const running: RunningConsumer = {
      stop: () =>
        (stopped ??= (async () => {
          stopping = true;
          settleJoin?.(new EventBusError('EVENT_BUS_CLOSED', 'stopped before joining the group'));
          await consumer.disconnect();
          this.#consumers.delete(running);
        })()),
    };
    this.#consumers.add(running);

    try {
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: sub.fromBeginning });
      await consumer.run({
        eachBatchAutoResolve: false,
        autoCommit: true,
        // With a threshold of one, commitOffsetsIfNecessary commits whatever has been resolved.
        autoCommitThreshold: 1,
        partitionsConsumedConcurrently: 1,
        eachBatch: (payload) => this.#eachBatch(sub, groupId, logger, payload),
      });
      await withTimeout(firstJoin, JOIN_TIMEOUT_MS, `joining group ${groupId}`);
    } catch (error) {
      await running.stop().catch(() => undefined);
      const cause = toError(error);
      throw new EventBusError(
        'EVENT_BUS_SUBSCRIBE_FAILED',
        `cannot subscribe ${groupId} to ${topics.join(', ')} at ${this.#brokers.join(',')}: ${cause.message}`,
        { cause },
      );
    }
    return { stop: running.stop };
  }

  async ensureTopics(topics: readonly string[] = Object.values(TOPICS), options: EnsureTopicsOptions = {}): Promise<void> {
    this.#assertOpen();
    const numPartitions = options.partitions ?? DEFAULT_PARTITIONS;
    if (!Number.isInteger(numPartitions) || numPartitions < 1) {
      throw new EventBusError('EVENT_BUS_CONFIG_INVALID', `partitions must be a positive integer, got ${numPartitions}`);
    }
    const wanted = topics.flatMap((t) => [this.#names.topic(t), deadLetterTopicOf(this.#names.topic(t))]);
    const missing = await this.#missingTopics(wanted);
    if (missing.length === 0) return;
    // Another process racing us to create them ends in "already exists", which kafkajs reports as
    // false. Its own wait for leaders is not used: on a busy broker it fails with "does not host this
    // topic-partition" while the partitions are still being placed; #untilServed waits that out.
    await this.#admin.createTopics({ topics: [...new Set(missing)].map((topic) => ({ topic, numPartitions })), waitForLeaders: false });
    await this.#untilServed([...new Set(missing)]);
  }

  /**
   * kafkajs's waitForLeaders trusts metadata, and metadata names a leader before that broker
   * hosts the partition: a send in between fails with "This server does not host this
   * topic-partition". A ListOffsets request goes to each partition's leader and succeeds only once
   * it serves the partition, so that is what is awaited. A client of its own asks: kafkajs keeps
   * refreshing every topic an admin client once looked up, and would fail once one is deleted.
   */
  async #untilServed(topics: readonly string[]): Promise<void> {
    const probe = this.#kafka.admin({ retry: ADMIN_RETRY });
    await probe.connect();
    try {
      await this.#probeUntilServed(probe, topics);
    } finally {
      await probe.disconnect();
    }
  }

  async #probeUntilServed(probe: Admin, topics: readonly string[]): Promise<void> {
    const deadline = Date.now() + TOPICS_SERVED_TIMEOUT_MS;
    for (const topic of topics) {
      let lastError = 'no leader yet';
      for (;;) {
        try {
          const [metadata] = (await probe.fetchTopicMetadata({ topics: [topic] })).topics;
          const partitions = metadata?.partitions ?? [];
          if (partitions.length > 0 && partitions.every((p) => p.leader >= 0) && (await probe.fetchTopicOffsets(topic)).length === partitions.length) break;
        } catch (error) {
          lastError = toError(error).message;
        }
        if (Date.now() > deadline)
          throw new EventBusError(
            'EVENT_BUS_TOPICS_NOT_READY',
            `topic ${topic} is not served by a leader after ${TOPICS_SERVED_TIMEOUT_MS / 1000} s: ${lastError}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  async ping(): Promise<void> {
    this.#assertOpen();
    try {
      await withTimeout(this.#admin.describeCluster(), PING_TIMEOUT_MS, 'describing the cluster');
    } catch (error) {
      throw this.#unreachable(error);
    }
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      // Consumers first: a handler in flight may still publish or dead-letter through the producer.
      await Promise.allSettled([...this.#consumers].map((c) => c.stop()));
      await this.#sending.catch(() => undefined);
      await Promise.allSettled([this.#producer.disconnect(), this.#admin.disconnect()]);
    })();
    return this.#closing;
  }

  async #eachBatch(sub: ResolvedSubscription, groupId: string, logger: Logger, payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const shouldStop = () => !isRunning() || isStale();
    const context: ChunkContext = {
      subscription: sub,
      groupId,
      names: this.#names,
      logger,
      deadLetter: (messages) => this.#send(messages, 'writing dead letters'),
      shouldStop,
      heartbeat,
    };
    for (let start = 0; start < batch.messages.length; start += sub.maxBatchSize) {
      if (shouldStop()) return;
      const chunk = batch.messages.slice(start, start + sub.maxBatchSize);
      const messages: IncomingMessage[] = chunk.map((m) => ({ topic: batch.topic, partition: batch.partition, offset: m.offset, key: m.key, value: m.value }));
      const outcome = await processChunk(context, messages);
      if (outcome === 'stopped') return;
      resolveOffset(messages[messages.length - 1]?.offset ?? batch.lastOffset());
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }

  async #missingTopics(topics: readonly string[]): Promise<string[]> {
    const existing = new Set(await this.#admin.listTopics());
    return topics.filter((t) => !existing.has(t));
  }

  #send(messages: readonly OutgoingMessage[], what: string): Promise<void> {
    const send = async () => {
      for (const slice of slicesBySize(messages)) {
        const byTopic = new Map<string, OutgoingMessage[]>();
        for (const m of slice) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
        await this.#producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, list]) => ({
            topic,
            messages: list.map((m) => ({ key: m.key, value: m.value, ...(m.headers ? { headers: { ...m.headers } } : {}) })),
          })),
        });
      }
    };
    const result = this.#sending.then(send).catch((error: unknown) => {
      const cause = toError(error);
      const code = hasCause(cause, 'UNKNOWN_TOPIC_OR_PARTITION') ? 'EVENT_BUS_UNKNOWN_TOPIC' : 'EVENT_BUS_PUBLISH_FAILED';
      throw new EventBusError(code, `${what} failed: ${cause.message}`, { cause });
    });
    this.#sending = result.catch(() => undefined);
    return result;
  }

  #assertOpen(): void {
    if (this.#closing) throw new EventBusError('EVENT_BUS_CLOSED', 'the event bus is closed');
  }

  #unreachable(error: unknown): EventBusError {
    const cause = toError(error);
    return new EventBusError('EVENT_BUS_UNREACHABLE', `Kafka is not reachable at ${this.#brokers.join(',')}: ${cause.message}`, { cause });
  }
}

/** kafkajs wraps the broker's error (with its protocol `type`) in retry errors. */
function hasCause(error: unknown, type: string): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if ((e as { type?: unknown }).type === type) return true;
  }
  return false;
}

function* slicesBySize(messages: readonly OutgoingMessage[]): Generator<OutgoingMessage[]> {
  let slice: OutgoingMessage[] = [];
  let bytes = 0;
  for (const m of messages) {
    const size = (m.value?.length ?? 0) + (m.key?.length ?? 0);
    if (slice.length > 0 && bytes + size > MAX_SEND_BYTES) {
      yield slice;
      slice = [];
      bytes = 0;
    }
    slice.push(m);
    bytes += size;
  }
  if (slice.length > 0) yield slice;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
