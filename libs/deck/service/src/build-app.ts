import type { AnalyticsClient } from '@herald/analytics-client';
import type { DeckDb } from '@herald/deck-data-access';
import type { EventBus } from '@herald/event-bus';
import { createServiceApp, type Logger, type ServiceApp } from '@herald/service-kit';

import { registerDeckAssets, DECK_ASSET_PREFIX } from './routes/assets.route.ts';
import { registerDeckRoutes } from './routes/decks.route.ts';

export interface DeckDeps {
  logger: Logger;
  db: DeckDb;
  bus: EventBus;
  analytics: AnalyticsClient;
}

export async function buildDeckApp(deps: DeckDeps): Promise<ServiceApp> {
  const app = await createServiceApp({
    name: 'deck-builder',
    version: '0.1.0',
    description: 'Reveal.js decks that tell each audience the story of its social results.',
    logger: deps.logger,
    readiness: [
      { name: 'database', check: () => deps.db.ping() },
      { name: 'kafka', check: () => deps.bus.ping() },
    ],
  });
  registerDeckAssets(app);
  registerDeckRoutes(app, { db: deps.db, analytics: deps.analytics, assetBaseUrl: DECK_ASSET_PREFIX });
  return app;
}
