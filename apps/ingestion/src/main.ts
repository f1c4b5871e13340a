import { createKafkaEventBus } from '@herald/event-bus';
import { createIngestionDb } from '@herald/ingestion-data-access';
import { bootstrapWorkspace, buildIngestionApp, createOutboxRelay, IngestionConfigSchema } from '@herald/ingestion-service';
import { createLogger, loadConfigOrExit, runService, splitList } from '@herald/service-kit';

const config = loadConfigOrExit('ingestion', IngestionConfigSchema);
const logger = createLogger({ name: 'ingestion', level: config.LOG_LEVEL });

const db = createIngestionDb({ kind: 'postgres', url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA });
const applied = await db.migrate();
logger.info({ applied }, 'database migrated');
await bootstrapWorkspace(db, { workspaceId: config.HERALD_BOOTSTRAP_WORKSPACE, apiKey: config.HERALD_API_KEY });
const bus = await createKafkaEventBus({ clientId: 'herald-ingestion', brokers: splitList(config.KAFKA_BROKERS), topicPrefix: config.HERALD_TOPIC_PREFIX, logger });
await bus.ensureTopics();

const relay = createOutboxRelay({ db, bus, logger });
relay.start();
const app = await buildIngestionApp({ logger, db, bus, relay, bodyLimitBytes: config.BODY_LIMIT_MB * 1024 * 1024 });

await runService({
  app,
  host: config.HOST,
  port: config.PORT,
  logger,
  shutdown: async () => {
    await relay.stop();
    await bus.close();
    await db.close();
  },
});
