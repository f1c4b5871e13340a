import { createAnalyticsClient } from '@herald/analytics-client';
import { createDeckDb } from '@herald/deck-data-access';
import { buildDeckApp, DeckConfigSchema } from '@herald/deck-service';
import { createKafkaEventBus } from '@herald/event-bus';
import { createLogger, loadConfigOrExit, runService, splitList } from '@herald/service-kit';

const config = loadConfigOrExit('deck-builder', DeckConfigSchema);
const logger = createLogger({ name: 'deck-builder', level: config.LOG_LEVEL });

const db = createDeckDb({ kind: 'postgres', url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA });
const applied = await db.migrate();
logger.info({ applied }, 'database migrated');
const bus = await createKafkaEventBus({ clientId: 'herald-deck-builder', brokers: splitList(config.KAFKA_BROKERS), topicPrefix: config.HERALD_TOPIC_PREFIX, logger });

const app = await buildDeckApp({ logger, db, bus, analytics: createAnalyticsClient({ baseUrl: config.ANALYTICS_URL }) });

await runService({
  app,
  host: config.HOST,
  port: config.PORT,
  logger,
  shutdown: async () => {
    await bus.close();
    await db.close();
  },
});
