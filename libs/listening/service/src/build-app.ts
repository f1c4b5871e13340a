import { deliveredEventOf, type EventBus } from '@herald/event-bus';
import { createDeadLetterStore, type ListeningDb } from '@herald/listening-data-access';
import { createServiceApp, registerDeadLetterRoutes, type Logger, type ServiceApp } from '@herald/service-kit';

import { createAnalyzeMentionsHandler } from './consumers/analyze-mentions.consumer.ts';

import { registerAlertsRoute } from './routes/alerts.route.ts';
import { registerBrandsRoutes } from './routes/brands.route.ts';
import { registerMentionsRoute } from './routes/mentions.route.ts';
import { registerSummaryRoute } from './routes/summary.route.ts';

export interface ListeningDeps {
  logger: Logger;
  db: ListeningDb;
  bus: EventBus;
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
  registerMentionsRoute(app, deps.db);
  registerSummaryRoute(app, deps.db);
  registerBrandsRoutes(app, deps.db);
  registerAlertsRoute(app, deps.db);
  const handle = createAnalyzeMentionsHandler(deps);
  registerDeadLetterRoutes(app, {
    store: createDeadLetterStore(deps.db),
    replay: (letter) => handle([deliveredEventOf(letter, deps.logger)]),
  });
  return app;
}
