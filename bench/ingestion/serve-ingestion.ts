/**
 * The ingestion service as production runs it (PostgreSQL, Kafka, the outbox relay), in a
 * process of its own so that the benchmark can read its memory. Prints its URL as one JSON line.
 * Env: DATABASE_URL, DATABASE_SCHEMA, KAFKA_BROKERS, HERALD_TOPIC_PREFIX, HERALD_API_KEY.
 */
import { createKafkaEventBus } from '@herald/event-bus';
import { createIngestionDb } from '@herald/ingestion-data-access';
import { composeIngestionService } from '@herald/ingestion-service';
import { createLogger } from '@herald/service-kit';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const logger = createLogger({ name: 'ingestion-bench', level: 'warn', destination: process.stderr });
const db = createIngestionDb({ kind: 'postgres', url: env('DATABASE_URL'), schema: env('DATABASE_SCHEMA') });
await db.migrate();
const bus = await createKafkaEventBus({
  clientId: 'herald-ingestion-bench',
  brokers: env('KAFKA_BROKERS').split(','),
  topicPrefix: env('HERALD_TOPIC_PREFIX'),
  logger,
});
await bus.ensureTopics();
// Wired as the process entry wires it, with the limits raised out of the benchmark's way.
const { app, stop } = await composeIngestionService(
  {
    logger,
    db,
    bus,
    onFatal: (error) => {
      logger.fatal({ err: error }, 'crashed');
      process.exit(1);
    },
  },
  { bootstrap: { workspaceId: 'bench', apiKey: env('HERALD_API_KEY') }, rateLimitPerMinute: 1_000_000, uploadLimitBytes: 2000 * 1024 * 1024 },
);
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ url })}\n`);

process.once('SIGTERM', () => {
  void (async () => {
    await app.close();
    await stop();
    await bus.close();
    await db.close();
    process.exit(0);
  })();
});
