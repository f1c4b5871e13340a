import type { AnalyticsClient } from '@herald/analytics-client';
import type { DeckDb } from '@herald/deck-data-access';
import type { EventBus } from '@herald/event-bus';
import { createServiceApp, lazySql, registerGuardedApi, type Logger, type ServiceApp, type VerifyKey } from '@herald/service-kit';

import { registerDeckAssets, DECK_ASSET_PREFIX } from './routes/assets.route.ts';
import { registerDeckRoutes, registerShareRoute } from './routes/decks.route.ts';

export interface DeckDeps {
  logger: Logger;
  db: DeckDb;
  bus: EventBus;
  analytics: AnalyticsClient;
  /** Checks API keys: through ingestion (createRemoteKeyVerifier), or in process in embedded mode. */
  verifyKey: VerifyKey;
  /** Base URL people open decks at, for absolute share links (PUBLIC_URL). */
  publicUrl?: string | undefined;
  /** Decks built per minute and key (default 60), counted in this service's schema. */
  buildsPerMinute?: number;
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
  registerShareRoute(app, { db: deps.db });
  const rateLimit = { max: deps.buildsPerMinute ?? 60, store: { sql: lazySql(() => deps.db.prisma), schema: () => deps.db.schema } };
  await registerGuardedApi(app, { verifyKey: deps.verifyKey, rateLimit }, (api) => {
    registerDeckRoutes(api, { db: deps.db, analytics: deps.analytics, assetBaseUrl: DECK_ASSET_PREFIX, publicUrl: deps.publicUrl });
  });
  return app;
}
