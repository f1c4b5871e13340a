import { createAnalyticsDb } from '@herald/analytics-data-access';
import { AnalyticsConfigSchema, buildAnalyticsApp, startStoreEventsConsumer } from '@herald/analytics-service';
import { bootService } from '@herald/service-kit';

await bootService({
  name: 'analytics',
  configSchema: AnalyticsConfigSchema,
  openDb: (config) => createAnalyticsDb({ kind: 'postgres', url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA }),
  start: async ({ logger, db, bus, onFatal }) => {
    const app = await buildAnalyticsApp({ logger, db, bus });
    const consumer = await startStoreEventsConsumer({ bus, db, logger, onFatal });
    return { app, stop: () => consumer.stop() };
  },
});
