import { deliveredEventOf, type EventBus } from '@herald/event-bus';
import { createDeadLetterStore, type ListeningDb } from '@herald/listening-data-access';
import {
  createServiceApp,
  lazySql,
  registerDeadLetterRoutes,
  registerGuardedApi,
  type Logger,
  type RateLimitOptions,
  type ServiceApp,
  type VerifyKey,
} from '@herald/service-kit';

import { createAnalyzeMentionsHandler } from './consumers/analyze-mentions.consumer.ts';

import { registerAlertsRoute } from './routes/alerts.route.ts';
import { registerBrandsRoutes } from './routes/brands.route.ts';
import { registerMentionsRoute } from './routes/mentions.route.ts';
import { registerSummaryRoute } from './routes/summary.route.ts';

export interface ListeningDeps {
  logger: Logger;
  db: ListeningDb;
  bus: EventBus;
  /** Checks API keys: through ingestion (createRemoteKeyVerifier), or in process in embedded mode. */
  verifyKey: VerifyKey;
  /** Writes (brand changes) per minute and key (default 600), counted in this service's schema. */
  writesPerMinute?: number;
}

export async function buildListeningApp(deps: ListeningDeps): Promise<ServiceApp> {
  const app = await createServiceApp({
    name: 'listening',
    version: '0.1.0',
    description: 'Social listening: sentiment, topics, intents, share of voice and spikes.',
    logger: deps.logger,
    readiness: [
      { name: 'database', check: () => deps.db.ping() },
      { name: 'kafka', check: () => deps.bus.ping() },
    ],
  });
  const handle = createAnalyzeMentionsHandler(deps);
  const rateLimit: RateLimitOptions = { max: deps.writesPerMinute ?? 600, store: { sql: lazySql(() => deps.db.prisma), schema: () => deps.db.schema } };
  await registerGuardedApi(app, { verifyKey: deps.verifyKey, rateLimit }, (api) => {
    registerMentionsRoute(api, deps.db);
    registerSummaryRoute(api, deps.db);
    registerBrandsRoutes(api, deps.db);
    registerAlertsRoute(api, deps.db);
    registerDeadLetterRoutes(api, {
      store: createDeadLetterStore(deps.db),
      replay: (letter) => handle([deliveredEventOf(letter, deps.logger)]),
    });
  });
  return app;
}
