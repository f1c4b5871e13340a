import type { Static, TObject } from 'typebox';

import { createKafkaEventBus } from '@herald/event-bus';

import type { commonServiceConfig } from './common-config.ts';
import type { ComposedService, ServiceParts } from './composed-service.ts';
import { loadConfigOrExit, splitList } from './config.ts';
import { createLogger } from './logger.ts';
import { exitOnFatal, runService } from './run-service.ts';

type CommonConfig = Static<TObject<ReturnType<typeof commonServiceConfig>>>;

interface MigratableDb {
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export interface ServiceSpec<TSchema extends TObject, TDb extends MigratableDb> {
  name: string;
  configSchema: TSchema;
  openDb(config: Static<TSchema> & CommonConfig): TDb;
  /** The service's composition root, given its parts and its validated config. */
  compose(parts: ServiceParts<TDb>, config: Static<TSchema> & CommonConfig): Promise<ComposedService>;
}

/**
 * The process entry of every service: config, logger, database (migrated), Kafka, then the
 * service itself; SIGTERM stops consuming, flushes the producer and closes the database.
 */
export async function bootService<TSchema extends TObject, TDb extends MigratableDb>(spec: ServiceSpec<TSchema, TDb>): Promise<void> {
  const config = loadConfigOrExit(spec.name, spec.configSchema) as Static<TSchema> & CommonConfig;
  const logger = createLogger({ name: spec.name, level: config.LOG_LEVEL });
  const db = spec.openDb(config);
  const applied = await db.migrate();
  logger.info({ applied }, 'database migrated');
  const bus = await createKafkaEventBus({
    clientId: `herald-${spec.name}`,
    brokers: splitList(config.KAFKA_BROKERS),
    topicPrefix: config.HERALD_TOPIC_PREFIX,
    logger,
  });
  await bus.ensureTopics();
  const service = await spec.compose({ logger, db, bus, onFatal: exitOnFatal(logger) }, config);
  await runService({
    app: service.app,
    host: config.HOST,
    port: config.PORT,
    logger,
    shutdown: async () => {
      await service.stop();
      await bus.close();
      await db.close();
    },
  });
}
