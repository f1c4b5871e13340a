import { createAnalyticsDb, type AnalyticsDb } from '@herald/analytics-data-access';
import { createMemoryEventBus, type MemoryEventBus } from '@herald/event-bus';
import type { HeraldEvent } from '@herald/events';
import { createLogger, type ServiceApp, type VerifyKey } from '@herald/service-kit';

import { buildAnalyticsApp } from '../build-app.ts';
import { startStoreEventsConsumer } from '../consumers/store-events.consumer.ts';

export interface PgliteAnalytics {
  db: AnalyticsDb;
  bus: MemoryEventBus;
  app: ServiceApp;
  /** Publishes the events and waits until the store consumer has applied them. */
  publish(events: HeraldEvent[]): Promise<void>;
  close(): Promise<void>;
}

/** Analytics over an in-memory PGlite and the memory bus, with its store consumer running: the unit tests' service. */
export async function startPgliteAnalytics(verifyKey: VerifyKey): Promise<PgliteAnalytics> {
  const logger = createLogger({ name: 'test', level: 'silent' });
  const db = createAnalyticsDb({ kind: 'pglite' });
  await db.migrate();
  const bus = createMemoryEventBus({ logger });
  await bus.ensureTopics();
  await startStoreEventsConsumer({ bus, db, logger });
  const app = await buildAnalyticsApp({ logger, db, bus, verifyKey });
  return {
    db,
    bus,
    app,
    publish: async (events) => {
      await bus.publish(events);
      await bus.drain({ timeoutMs: 60_000 });
    },
    close: async () => {
      await app.close();
      await bus.close();
      await db.close();
    },
  };
}
