import { createDeadLetterStore, isTransientDatabaseError, type AnalyticsDb } from '@herald/analytics-data-access';
import type { DeliveredEvent, EventBus, SubscriptionHandle } from '@herald/event-bus';
import { TOPICS } from '@herald/events';
import type { Logger } from '@herald/service-kit';

import { ANALYTICS_CONSUMER, applyBatch } from './apply-batch.ts';

export interface StoreEventsDeps {
  db: AnalyticsDb;
  logger: Logger;
}

/**
 * The consumer's handler: applies a batch in one transaction, each event once by its id. The
 * consumer and a dead-letter replay both run it.
 */
export function createStoreEventsHandler(deps: StoreEventsDeps): (delivered: readonly DeliveredEvent[]) => Promise<void> {
  const log = deps.logger.child({ consumer: ANALYTICS_CONSUMER });
  return async (delivered) => {
    const outcome = await deps.db.prisma.$transaction(
      (tx) =>
        applyBatch(
          tx,
          deps.db.schema,
          delivered.map((d) => d.event),
        ),
      { timeout: 60_000, maxWait: 30_000 },
    );
    log.debug({ events: delivered.length, ...outcome }, 'stored events');
  };
}

/** Keeps the reporting store in step with posts, metrics and analyzed mentions. */
export function startStoreEventsConsumer(deps: StoreEventsDeps & { bus: EventBus; onFatal?: (error: Error) => void }): Promise<SubscriptionHandle> {
  const deadLetters = createDeadLetterStore(deps.db);
  return deps.bus.subscribe({
    groupId: ANALYTICS_CONSUMER,
    topics: [TOPICS.posts, TOPICS.profiles, TOPICS.mentionsAnalyzed],
    maxBatchSize: 200,
    // A database outage is waited out; only events that fail on their own are dead-lettered.
    isTransient: isTransientDatabaseError,
    recordDeadLetters: (letters) => deadLetters.record(letters.map(({ groupId, value, ...rest }) => ({ ...rest, consumer: groupId, rawValue: value }))),
    ...(deps.onFatal ? { onFatal: deps.onFatal } : {}),
    handle: createStoreEventsHandler(deps),
  });
}
