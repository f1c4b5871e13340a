import { createAnalyticsClient } from '@herald/analytics-client';
import { createDeckDb } from '@herald/deck-data-access';
import { buildDeckApp, DeckConfigSchema } from '@herald/deck-service';
import { createRemoteKeyVerifier } from '@herald/ingestion-client';
import { bootService } from '@herald/service-kit';

await bootService({
  name: 'deck-builder',
  configSchema: DeckConfigSchema,
  openDb: (config) => createDeckDb({ kind: 'postgres', url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA }),
  start: async ({ config, logger, db, bus }) => ({
    app: await buildDeckApp({
      logger,
      db,
      bus,
      analytics: createAnalyticsClient({ baseUrl: config.ANALYTICS_URL }),
      verifyKey: createRemoteKeyVerifier({ baseUrl: config.INGESTION_URL }),
      publicUrl: config.PUBLIC_URL,
    }),
  }),
});
