import { createAnalyticsDb } from '@herald/analytics-data-access';
import { AnalyticsConfigSchema, buildAnalyticsApp, startStoreEventsConsumer } from '@herald/analytics-service';
import { createKafkaEventBus } from '@herald/event-bus';
import { createLogger, exitOnFatal, loadConfigOrExit, runService, splitList } from '@herald/service-kit';

const config = loadConfigOrExit('analytics', AnalyticsConfigSchema);
const logger = createLogger({ name: 'analytics', level: config.LOG_LEVEL });

const db = createAnalyticsDb({ kind: 'postgres', url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA });
const applied = await db.migrate();
logger.info({ applied }, 'database migrated');
const bus = await createKafkaEventBus({ clientId: 'herald-analytics', brokers: splitList(config.KAFKA_BROKERS), topicPrefix: config.HERALD_TOPIC_PREFIX, logger });
await bus.ensureTopics();

const app = await buildAnalyticsApp({ logger, db, bus });
const consumer = await startStoreEventsConsumer({ bus, db, logger, onFatal: exitOnFatal(logger) });

await runService({
  app,
  host: config.HOST,
  port: config.PORT,
  logger,
  shutdown: async () => {
    await consumer.stop();
    await bus.close();
    await db.close();
  },
});
