import { createKafkaEventBus } from '@herald/event-bus';
import { createListeningDb } from '@herald/listening-data-access';
import { buildListeningApp, ListeningConfigSchema, startAnalyzeMentionsConsumer } from '@herald/listening-service';
import { createLogger, exitOnFatal, loadConfigOrExit, runService, splitList } from '@herald/service-kit';

const config = loadConfigOrExit('listening', ListeningConfigSchema);
const logger = createLogger({ name: 'listening', level: config.LOG_LEVEL });

const db = createListeningDb({ kind: 'postgres', url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA });
const applied = await db.migrate();
logger.info({ applied }, 'database migrated');
const bus = await createKafkaEventBus({ clientId: 'herald-listening', brokers: splitList(config.KAFKA_BROKERS), topicPrefix: config.HERALD_TOPIC_PREFIX, logger });
await bus.ensureTopics();

const app = await buildListeningApp({ logger, db, bus });
const consumer = await startAnalyzeMentionsConsumer({ bus, db, logger, onFatal: exitOnFatal(logger) });

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
