import { createDeadLetterStore, type AnalyticsDb } from '@herald/analytics-data-access';
import { deliveredEventOf, type EventBus } from '@herald/event-bus';
import { createServiceApp, registerDeadLetterRoutes, registerGuardedApi, type Logger, type ServiceApp, type VerifyKey } from '@herald/service-kit';

import { createStoreEventsHandler } from './consumers/store-events.consumer.ts';

import { registerCompetitorRoutes } from './competitors/competitors.route.ts';
import { registerCustomMetricRoutes } from './custom-metrics/custom-metrics.route.ts';
import { registerGoalRoutes } from './goals/goals.route.ts';
import { registerComparisonRoutes } from './routes/comparisons.route.ts';
import { registerContentPerformanceRoute } from './routes/content-performance.route.ts';
import { registerSettingsRoutes } from './routes/settings.route.ts';
import { registerSummaryRoute } from './routes/summary.route.ts';
import { registerTableRoutes } from './routes/tables.route.ts';

export interface AnalyticsDeps {
  logger: Logger;
  db: AnalyticsDb;
  bus: EventBus;
  /** Checks API keys: through ingestion (createRemoteKeyVerifier), or in process in embedded mode. */
  verifyKey: VerifyKey;
}

/** The analytics HTTP API. Consumers are started apart (see startStoreEventsConsumer). */
export async function buildAnalyticsApp(deps: AnalyticsDeps): Promise<ServiceApp> {
  const app = await createServiceApp({
    name: 'analytics',
    version: '0.1.0',
    description:
      'Reporting data and KPIs: summaries, timeseries and breakdowns, comparisons with their contributors, top posts, content performance, best times, goals, competitors and custom metrics.',
    logger: deps.logger,
    readiness: [
      { name: 'database', check: () => deps.db.ping() },
      { name: 'kafka', check: () => deps.bus.ping() },
    ],
  });
  const handle = createStoreEventsHandler(deps);
  await registerGuardedApi(app, { verifyKey: deps.verifyKey }, (api) => {
    registerSummaryRoute(api, deps.db);
    registerTableRoutes(api, deps.db);
    registerComparisonRoutes(api, deps.db);
    registerContentPerformanceRoute(api, deps.db);
    registerSettingsRoutes(api, deps.db);
    registerGoalRoutes(api, deps.db);
    registerCompetitorRoutes(api, deps.db);
    registerCustomMetricRoutes(api, deps.db);
    registerDeadLetterRoutes(api, {
      store: createDeadLetterStore(deps.db),
      replay: (letter) => handle([deliveredEventOf(letter, deps.logger)]),
    });
  });
  return app;
}
