import type { EventBus } from '@herald/event-bus';
import type { IngestionDb } from '@herald/ingestion-data-access';
import { createServiceApp, type Logger, type ServiceApp } from '@herald/service-kit';

import { registerApiKeyAuth } from './auth/auth.hook.ts';
import type { OutboxRelay } from './outbox/outbox-relay.ts';
import { registerBatchRoutes } from './routes/batch.route.ts';

export interface IngestionDeps {
  logger: Logger;
  db: IngestionDb;
  bus: EventBus;
  relay: OutboxRelay;
  bodyLimitBytes?: number;
}

export async function buildIngestionApp(deps: IngestionDeps): Promise<ServiceApp> {
  const app = await createServiceApp({
    name: 'ingestion',
    version: '0.1.0',
    description: 'The one door for a social team\'s data: posts, metric snapshots, follower counts, mentions and messages.',
    logger: deps.logger,
    bodyLimitBytes: deps.bodyLimitBytes ?? 64 * 1024 * 1024,
    readiness: [
      { name: 'database', check: () => deps.db.ping() },
      { name: 'kafka', check: () => deps.bus.ping() },
    ],
  });
  registerApiKeyAuth(app, deps.db);
  registerBatchRoutes(app, deps);
  return app;
}
