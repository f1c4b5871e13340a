import { createRemoteKeyVerifier } from '@herald/ingestion-client';
import { createListeningDb } from '@herald/listening-data-access';
import { buildListeningApp, ListeningConfigSchema, startAnalyzeMentionsConsumer } from '@herald/listening-service';
import { bootService } from '@herald/service-kit';

await bootService({
  name: 'listening',
  configSchema: ListeningConfigSchema,
  openDb: (config) => createListeningDb({ kind: 'postgres', url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA }),
  start: async ({ config, logger, db, bus, onFatal }) => {
    const app = await buildListeningApp({ logger, db, bus, verifyKey: createRemoteKeyVerifier({ baseUrl: config.INGESTION_URL }) });
    const consumer = await startAnalyzeMentionsConsumer({ bus, db, logger, onFatal });
    return { app, stop: () => consumer.stop() };
  },
});
