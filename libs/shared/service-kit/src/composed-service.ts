import type { EventBus } from '@herald/event-bus';

import type { Logger } from './logger.ts';
import type { ServiceApp } from './service-app.ts';

/** What every service is wired from, in a process of its own or in the embedded stack. */
export interface ServiceParts<TDb> {
  logger: Logger;
  /** Migrated and open; the caller closes it after `stop`. */
  db: TDb;
  /** Topics ensured; the caller closes it after `stop`. */
  bus: EventBus;
  /** Hand to consumers: a consumer that crashed for good takes the process down. */
  onFatal(error: Error): void;
}

/** A service wired and running: its app (not listening yet) and its background work. */
export interface ComposedService {
  app: ServiceApp;
  /** Ends consumers and background work, before the bus and the database close. */
  stop(): Promise<void>;
}
