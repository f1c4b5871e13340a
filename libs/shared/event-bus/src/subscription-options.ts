import { DEFAULT_MAX_BATCH_SIZE, DEFAULT_RETRY, type RetryPolicy, type Subscription } from './event-bus.ts';
import { EventBusError, isTransientBusError } from './event-bus-error.ts';

/** A subscription with its defaults applied and its numbers checked. */
export interface ResolvedSubscription {
  groupId: string;
  topics: readonly string[];
  handle: Subscription['handle'];
  maxBatchSize: number;
  retry: RetryPolicy;
  fromBeginning: boolean;
  onFatal: ((error: Error) => void) | undefined;
  isTransient: (error: Error) => boolean;
  recordDeadLetters: Subscription['recordDeadLetters'];
}

export function resolveSubscription(subscription: Subscription): ResolvedSubscription {
  const retry = { ...DEFAULT_RETRY, ...subscription.retry };
  const invalid = (message: string) => new EventBusError('EVENT_BUS_CONFIG_INVALID', `subscription "${subscription.groupId}": ${message}`);
  if (!subscription.groupId) throw invalid('groupId is empty');
  if (subscription.topics.length === 0) throw invalid('no topics');
  const maxBatchSize = subscription.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) throw invalid('maxBatchSize must be a positive integer');
  if (!Number.isInteger(retry.attempts) || retry.attempts < 1) throw invalid('retry.attempts must be a positive integer');
  if (!(retry.initialDelayMs >= 0) || !(retry.maxDelayMs >= retry.initialDelayMs)) {
    throw invalid('retry delays must satisfy 0 <= initialDelayMs <= maxDelayMs');
  }
  return {
    groupId: subscription.groupId,
    topics: [...new Set(subscription.topics)],
    handle: subscription.handle.bind(subscription),
    maxBatchSize,
    retry,
    fromBeginning: subscription.fromBeginning ?? true,
    onFatal: subscription.onFatal?.bind(subscription),
    // The bus's own outages (a broker that cannot take what the handler publishes) are always waited out.
    isTransient: (
      (own) => (error: Error) =>
        isTransientBusError(error) || own(error)
    )(subscription.isTransient?.bind(subscription) ?? (() => false)),
    recordDeadLetters: subscription.recordDeadLetters?.bind(subscription),
  };
}

/** Delay before retry number `attempt` (1-based): doubling from initialDelayMs, capped, with jitter. */
export function backoffDelayMs(retry: RetryPolicy, attempt: number): number {
  const base = Math.min(retry.maxDelayMs, retry.initialDelayMs * 2 ** (attempt - 1));
  // Jitter keeps consumers that failed together from retrying in lockstep against the same dependency.
  return Math.round(base * (0.75 + Math.random() * 0.25));
}
