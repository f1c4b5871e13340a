import type { HeraldEvent } from '@herald/events';
import type { Logger } from 'pino';

/** One event as a consumer receives it, with where it came from. */
export interface DeliveredEvent {
  readonly event: HeraldEvent;
  /** Logical topic name, as in TOPICS (the deployment prefix removed). */
  readonly topic: string;
  readonly partition: number;
  /** Kafka offsets are 64-bit integers; kept as a decimal string. */
  readonly offset: string;
  readonly key: string | null;
  /** Child of the bus logger bound to topic, partition, offset, event id and correlation id. */
  readonly logger: Logger;
}

/** Bounded exponential backoff for a failing handler. `attempts` counts the first try. */
export interface RetryPolicy {
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: Readonly<RetryPolicy> = { attempts: 5, initialDelayMs: 200, maxDelayMs: 5_000 };
export const DEFAULT_MAX_BATCH_SIZE = 100;
export const DEFAULT_PARTITIONS = 3;

export interface Subscription {
  /** Consumer group; the bus puts the topic prefix in front of it. */
  groupId: string;
  /** Logical topic names from TOPICS. */
  topics: readonly string[];
  /**
   * Called with events of one partition, in partition order; their offsets are committed only
   * after it resolves. A throw retries the batch, then its events one at a time, then
   * dead-letters the event that keeps failing. Must be idempotent: an event may come again.
   * Errors with `retriable === false` skip the retries.
   */
  handle(events: readonly DeliveredEvent[]): Promise<void>;
  /** Largest number of events per `handle` call (default 100). */
  maxBatchSize?: number;
  retry?: Partial<RetryPolicy>;
  /** Where a group without committed offsets starts: the oldest event (default) or only new ones. */
  fromBeginning?: boolean;
  /** The consumer crashed and will not restart: the service should exit non-zero. */
  onFatal?(error: Error): void;
  /**
   * True for failures of the service's own dependencies (its database is down), not of the event:
   * those are retried with backoff for as long as they last, never dead-lettered, so an outage
   * loses nothing. Everything else follows `retry` and then the dead-letter topic.
   */
  isTransient?(error: Error): boolean;
  /**
   * Called with the messages about to go to the dead-letter topic, before they are written
   * there: the service keeps them (to list and replay them). A throw means nothing is
   * committed; a transient one (see `isTransient`) is retried for as long as it lasts.
   */
  recordDeadLetters?(letters: readonly DeadLetter[]): Promise<void>;
}

/** A message the consumer gave up on, as the service records it. */
export interface DeadLetter {
  /** Logical topic, partition and offset of the original message. */
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** Logical consumer group. */
  readonly groupId: string;
  readonly key: string | null;
  /** The original bytes, unchanged. */
  readonly value: Buffer | null;
  /** From the envelope when the value is one (even an invalid one); null otherwise. */
  readonly eventId: string | null;
  readonly eventType: string | null;
  readonly workspaceId: string | null;
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly failedAt: Date;
}

export interface SubscriptionHandle {
  /** Finishes the handler in flight, commits what it handled and leaves the group. */
  stop(): Promise<void>;
}

export interface EnsureTopicsOptions {
  /** Partitions of each topic created now (default 3); existing topics are left as they are. */
  partitions?: number;
}

export interface EventBus {
  /**
   * Validates every event, then sends each to `EVENT_CATALOG[type].topic` keyed by `partitionKeyOf`.
   * Resolves only when the broker has acknowledged every event (acks from all in-sync replicas).
   */
  publish(events: readonly HeraldEvent[]): Promise<void>;
  /** Resolves once the consumer has joined its group. */
  subscribe(subscription: Subscription): Promise<SubscriptionHandle>;
  /** Creates the topics (default: every topic of TOPICS) and their dead-letter topics; idempotent. */
  ensureTopics(topics?: readonly string[], options?: EnsureTopicsOptions): Promise<void>;
  /** For readiness probes: throws when the broker is unreachable or the bus is closed. */
  ping(): Promise<void>;
  /** Stops every consumer (the handler in flight finishes), then flushes and disconnects the producer. */
  close(): Promise<void>;
}

/**
 * Writes bytes to a topic with no check at all. A test and operations tool (replaying a
 * dead letter, reproducing a poison message); services publish with `publish`.
 */
export interface RawPublisher {
  publishRaw(topic: string, key: string | null, value: Buffer | string | null, headers?: Readonly<Record<string, string>>): Promise<void>;
}

/** Headers of a dead letter; its value is the original message, byte for byte. */
export const DEAD_LETTER_HEADERS = {
  errorCode: 'x-error-code',
  errorMessage: 'x-error-message',
  originalTopic: 'x-original-topic',
  originalPartition: 'x-original-partition',
  originalOffset: 'x-original-offset',
  consumerGroup: 'x-consumer-group',
  failedAt: 'x-failed-at',
} as const;
