import { isTransientDatabaseError, type AnalyticsDb } from '@herald/analytics-data-access';
import type { EventBus, SubscriptionHandle } from '@herald/event-bus';
import { TOPICS } from '@herald/events';
import type { Logger } from '@herald/service-kit';

import { ANALYTICS_CONSUMER, applyEvent } from './apply-event.ts';

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
      const outcomes = await deps.db.prisma.$transaction(async (tx) => {
        const results: string[] = [];
        for (const { event } of delivered) results.push(await applyEvent(tx, event));
        return results;
      }, { timeout: 60_000, maxWait: 30_000 });
      const duplicates = outcomes.filter((o) => o === 'duplicate').length;
      log.debug({ events: delivered.length, duplicates }, 'stored events');
    },
  });
}
