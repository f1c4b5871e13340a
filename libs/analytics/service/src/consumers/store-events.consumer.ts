import { isTransientDatabaseError, type AnalyticsDb } from '@herald/analytics-data-access';
import type { EventBus, SubscriptionHandle } from '@herald/event-bus';
import { TOPICS } from '@herald/events';
import type { Logger } from '@herald/service-kit';

import { ANALYTICS_CONSUMER, applyBatch } from './apply-batch.ts';

/** Keeps the reporting store in step with posts, metrics and analyzed mentions. */
export function startStoreEventsConsumer(deps: {
  bus: EventBus;
  db: AnalyticsDb;
  logger: Logger;
  onFatal?: (error: Error) => void;
}): Promise<SubscriptionHandle> {
  const log = deps.logger.child({ consumer: ANALYTICS_CONSUMER });
  return deps.bus.subscribe({
    groupId: ANALYTICS_CONSUMER,
    topics: [TOPICS.posts, TOPICS.profiles, TOPICS.mentionsAnalyzed],
    maxBatchSize: 200,
    // A database outage is waited out; only events that fail on their own are dead-lettered.
    isTransient: isTransientDatabaseError,
    ...(deps.onFatal ? { onFatal: deps.onFatal } : {}),
    handle: async (delivered) => {
      const outcome = await deps.db.prisma.$transaction((tx) => applyBatch(tx, deps.db.schema, delivered.map((d) => d.event)), { timeout: 60_000, maxWait: 30_000 });
      log.debug({ events: delivered.length, ...outcome }, 'stored events');
    },
  });
}
