import { createAnalyticsDb } from '@herald/analytics-data-access';
import { createRemoteKeyVerifier } from '@herald/ingestion-client';
import { AnalyticsConfigSchema, buildAnalyticsApp, startStoreEventsConsumer } from '@herald/analytics-service';
import { bootService } from '@herald/service-kit';

await bootService({
  name: 'analytics',
  configSchema: AnalyticsConfigSchema,
  openDb: (config) => createAnalyticsDb({ kind: 'postgres', url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA }),
  start: async ({ config, logger, db, bus, onFatal }) => {
    const app = await buildAnalyticsApp({ logger, db, bus, verifyKey: createRemoteKeyVerifier({ baseUrl: config.INGESTION_URL }) });
    const consumer = await startStoreEventsConsumer({ bus, db, logger, onFatal });
    return { app, stop: () => consumer.stop() };
  },
});
