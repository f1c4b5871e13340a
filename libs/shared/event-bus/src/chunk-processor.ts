import { decodeEvent, deadLetterTopicOf } from '@herald/events';
import type { Logger } from 'pino';

import { DEAD_LETTER_HEADERS, type DeadLetter, type DeliveredEvent } from './event-bus.ts';
import { errorCodeOf, isRetriable, toError } from './event-bus-error.ts';
import type { OutgoingMessage } from './outgoing-message.ts';
import { backoffDelayMs, type ResolvedSubscription } from './subscription-options.ts';
import type { TopicNames } from './topic-names.ts';

/** A message as read from one partition of a topic, before any decoding. */
export interface IncomingMessage {
  /** Physical topic. */
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
}

/** What a consumer implementation lends the shared delivery logic. */
export interface ChunkContext {
  subscription: ResolvedSubscription;
  /** Physical group id. */
  groupId: string;
  names: TopicNames;
  logger: Logger;
  /** Must throw when the dead letters are not durably written; the chunk is then not committed. */
  deadLetter(messages: OutgoingMessage[]): Promise<void>;
  /** True once the consumer is stopping or the partition was taken away: give up without committing. */
  shouldStop(): boolean;
  heartbeat(): Promise<void>;
}

export type ChunkOutcome = 'processed' | 'stopped';

interface Pending {
  message: IncomingMessage;
  delivered: DeliveredEvent;
}

const STOPPED = Symbol('stopped');
export const DEAD_LETTER_FAILED = 'could not write dead letters; the messages will be delivered again';
const MAX_ERROR_MESSAGE_LENGTH = 2_000;
// Long backoffs sleep in slices so that heartbeats keep the group membership and a stop is seen soon.
const SLEEP_SLICE_MS = 500;

/**
 * Delivers consecutive messages of one partition to the handler with the bus's retry and
 * dead-letter rules. 'processed' means every message was handled or dead-lettered, so the
 * caller may commit past the last one; 'stopped' means commit nothing. Throws when
 * dead-lettering fails (commit nothing: the messages come again).
 */
export async function processChunk(context: ChunkContext, messages: readonly IncomingMessage[]): Promise<ChunkOutcome> {
  const deadLetters: OutgoingMessage[] = [];
  const pending: Pending[] = [];
  for (const message of messages) {
    const logger = context.logger.child({ topic: message.topic, partition: message.partition, offset: message.offset });
    try {
      const event = decodeEvent(message.value);
      pending.push({
        message,
        delivered: {
          event,
          topic: context.names.logical(message.topic),
          partition: message.partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          logger: logger.child({ eventId: event.id, eventType: event.type, correlationId: event.correlationId }),
        },
      });
    } catch (caught) {
      const error = toError(caught);
      logger.warn({ err: error }, 'message is not a valid event; dead-lettering it');
      deadLetters.push(deadLetterOf(context, message, error));
    }
  }

  if (pending.length > 0) {
    const failed = await deliver(context, pending);
    if (failed === STOPPED) return 'stopped';
    deadLetters.push(...failed);
  }
  if (deadLetters.length > 0) {
    if (context.subscription.recordDeadLetters && (await record(context, deadLetters)) === STOPPED) return 'stopped';
    try {
      await context.deadLetter(deadLetters);
    } catch (caught) {
      context.logger.error({ err: toError(caught), count: deadLetters.length }, DEAD_LETTER_FAILED);
      throw caught;
    }
  }
  return 'processed';
}

async function deliver(context: ChunkContext, pending: Pending[]): Promise<OutgoingMessage[] | typeof STOPPED> {
  const result = await attempt(context, pending);
  if (result === STOPPED) return STOPPED;
  if (result === undefined) return [];
  const [only] = pending;
  if (only && pending.length === 1) return [deadLetterAfterFailure(context, only, result)];

  // One bad event must not hold back the good ones: find it by handling the events one at a time.
  context.logger.warn({ err: result, size: pending.length }, 'batch keeps failing; handling its events one at a time');
  const deadLetters: OutgoingMessage[] = [];
  for (const item of pending) {
    const single = await attempt(context, [item]);
    if (single === STOPPED) return STOPPED;
    if (single !== undefined) deadLetters.push(deadLetterAfterFailure(context, item, single));
  }
  return deadLetters;
}

/** Runs the handler with bounded retries: undefined when it succeeded, else the last error. */
async function attempt(context: ChunkContext, pending: Pending[]): Promise<Error | undefined | typeof STOPPED> {
  const { retry } = context.subscription;
  const events = pending.map((p) => p.delivered);
  for (let attemptNo = 1; ; attemptNo++) {
    if (context.shouldStop()) return STOPPED;
    try {
      await context.subscription.handle(events);
      return undefined;
    } catch (caught) {
      const error = toError(caught);
      // An outage of the service's own dependencies is waited out: the events are not at fault.
      const transient = context.subscription.isTransient(error);
      if (!transient && (!isRetriable(error) || attemptNo >= retry.attempts)) return error;
      const delayMs = backoffDelayMs(retry, Math.min(attemptNo, 30));
      ((events.length === 1 && events[0]?.logger) || context.logger).warn(
        { err: error, attempt: attemptNo, of: retry.attempts, delayMs, size: events.length },
        'handler failed; retrying',
      );
      if (await sleep(context, delayMs)) return STOPPED;
    }
  }
}

/**
 * Hands the dead letters to the service's own store before they go to the dead-letter topic. A
 * store that is down (transient) is waited out like a handler's outage; any other failure throws,
 * so nothing is committed and the messages come again.
 */
async function record(context: ChunkContext, messages: readonly OutgoingMessage[]): Promise<void | typeof STOPPED> {
  const letters = messages.map((m) => recordOf(context, m));
  for (let attemptNo = 1; ; attemptNo++) {
    if (context.shouldStop()) return STOPPED;
    try {
      await context.subscription.recordDeadLetters?.(letters);
      return;
    } catch (caught) {
      const error = toError(caught);
      if (!context.subscription.isTransient(error)) {
        context.logger.error({ err: error, count: letters.length }, DEAD_LETTER_FAILED);
        throw error;
      }
      const delayMs = backoffDelayMs(context.subscription.retry, Math.min(attemptNo, 30));
      context.logger.warn({ err: error, attempt: attemptNo, delayMs }, 'could not record dead letters; retrying');
      if (await sleep(context, delayMs)) return STOPPED;
    }
  }
}

function recordOf(context: ChunkContext, message: OutgoingMessage): DeadLetter {
  const h = message.headers ?? {};
  const envelope = envelopeFieldsOf(message.value);
  return {
    topic: context.names.logical(h[DEAD_LETTER_HEADERS.originalTopic] ?? ''),
    partition: Number(h[DEAD_LETTER_HEADERS.originalPartition]),
    offset: h[DEAD_LETTER_HEADERS.originalOffset] ?? '',
    groupId: context.subscription.groupId,
    key: typeof message.key === 'string' ? message.key : (message.key?.toString('utf8') ?? null),
    value: message.value,
    ...envelope,
    errorCode: h[DEAD_LETTER_HEADERS.errorCode] ?? 'HANDLER_FAILED',
    errorMessage: h[DEAD_LETTER_HEADERS.errorMessage] ?? '',
    failedAt: new Date(h[DEAD_LETTER_HEADERS.failedAt] ?? Date.now()),
  };
}

/** Best effort: a poison message may still be JSON with an id and a workspace, worth showing. */
function envelopeFieldsOf(value: Buffer | null): Pick<DeadLetter, 'eventId' | 'eventType' | 'workspaceId'> {
  const text = (v: unknown, max: number) => (typeof v === 'string' && v.length > 0 && v.length <= max && !v.includes('\u0000') ? v : null);
  try {
    const parsed: unknown = value ? JSON.parse(value.toString('utf8')) : null;
    if (!parsed || typeof parsed !== 'object') throw new Error('not an object');
    const e = parsed as Record<string, unknown>;
    return { eventId: text(e.id, 200), eventType: text(e.type, 200), workspaceId: text(e.workspaceId, 200) };
  } catch {
    return { eventId: null, eventType: null, workspaceId: null };
  }
}

/** True when the consumer was asked to stop during the sleep. */
async function sleep(context: ChunkContext, delayMs: number): Promise<boolean> {
  const until = Date.now() + delayMs;
  for (let left = delayMs; left > 0; left = until - Date.now()) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, SLEEP_SLICE_MS)));
    if (context.shouldStop()) return true;
    await context.heartbeat();
  }
  return context.shouldStop();
}

function deadLetterAfterFailure(context: ChunkContext, item: Pending, error: Error): OutgoingMessage {
  item.delivered.logger.error({ err: error, errorCode: errorCodeOf(error) }, 'handler keeps failing; dead-lettering the event');
  return deadLetterOf(context, item.message, error);
}

function deadLetterOf(context: ChunkContext, message: IncomingMessage, error: Error): OutgoingMessage {
  return {
    topic: deadLetterTopicOf(message.topic),
    key: message.key,
    value: message.value,
    headers: {
      [DEAD_LETTER_HEADERS.errorCode]: errorCodeOf(error),
      [DEAD_LETTER_HEADERS.errorMessage]: error.message.slice(0, MAX_ERROR_MESSAGE_LENGTH),
      [DEAD_LETTER_HEADERS.originalTopic]: message.topic,
      [DEAD_LETTER_HEADERS.originalPartition]: String(message.partition),
      [DEAD_LETTER_HEADERS.originalOffset]: message.offset,
      [DEAD_LETTER_HEADERS.consumerGroup]: context.groupId,
      [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
    },
  };
}
