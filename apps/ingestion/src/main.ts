import { createIngestionDb } from '@herald/ingestion-data-access';
import { bootstrapWorkspace, buildIngestionApp, createOutboxRelay, IngestionConfigSchema } from '@herald/ingestion-service';
import { bootService } from '@herald/service-kit';

await bootService({
  name: 'ingestion',
  configSchema: IngestionConfigSchema,
  openDb: (config) => createIngestionDb({ kind: 'postgres', url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA }),
  start: async ({ config, logger, db, bus }) => {
    await bootstrapWorkspace(db, { workspaceId: config.HERALD_BOOTSTRAP_WORKSPACE, apiKey: config.HERALD_API_KEY });
    const relay = createOutboxRelay({ db, bus, logger });
    relay.start();
    const app = await buildIngestionApp({
      logger,
      db,
      bus,
      relay,
      bodyLimitBytes: config.BODY_LIMIT_MB * 1024 * 1024,
      rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
      uploadLimitBytes: config.IMPORT_LIMIT_MB * 1024 * 1024,
      spoolDir: config.IMPORT_SPOOL_DIR,
    });
    return { app, stop: () => relay.stop() };
  },
});
