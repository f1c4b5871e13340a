import { join } from 'node:path';

import { createAnalyticsClient } from '@herald/analytics-client';
import { createAnalyticsDb } from '@herald/analytics-data-access';
import { buildAnalyticsApp, startStoreEventsConsumer } from '@herald/analytics-service';
import { createDeckDb } from '@herald/deck-data-access';
import { buildDeckApp } from '@herald/deck-service';
import { openPGlite } from '@herald/db';
import { createMemoryEventBus } from '@herald/event-bus';
import { createIngestionDb, type IngestionDb } from '@herald/ingestion-data-access';
import { bootstrapWorkspace, buildIngestionApp, createKeyVerifier, createOutboxRelay } from '@herald/ingestion-service';
import { createListeningDb } from '@herald/listening-data-access';
import { buildListeningApp, startAnalyzeMentionsConsumer } from '@herald/listening-service';
import type { Logger, ServiceApp } from '@herald/service-kit';

export interface EmbeddedStackOptions {
  dataDir: string;
  host: string;
  /** Ports of ingestion, listening, analytics and deck-builder; 0 picks free ports. */
  ports: { ingestion: number; listening: number; analytics: number; deck: number };
  workspaceId: string;
  apiKey: string;
  logger: Logger;
}

export interface EmbeddedStack {
  urls: { ingestion: string; listening: string; analytics: string; deck: string };
  /** The ingestion database (keys live there), for commands run inside this process. */
  ingestionDb: IngestionDb;
  /** Resolves once every event published so far has been handled by every consumer. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

const urlOf = (app: ServiceApp): string => {
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('service is not listening on TCP');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
};

/**
 * All four services in one process: the same apps and consumers as in production, with the
 * in-memory bus in place of Kafka and PGlite (one database per service) in place of PostgreSQL.
 */
export async function startEmbeddedStack(options: EmbeddedStackOptions): Promise<EmbeddedStack> {
  const { logger } = options;
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const fn of closers.reverse()) await fn().catch((error: unknown) => logger.warn({ err: error }, 'close failed'));
  };
  try {
    const bus = createMemoryEventBus({ logger: logger.child({ component: 'bus' }) });
    closers.push(() => bus.close());
    await bus.ensureTopics();

    // One embedded PostgreSQL for all four services, each in its own schema: one instance costs
    // about 200 MB and two seconds to start, so four would make the laptop mode heavy.
    const pglite = openPGlite({ dataDir: join(options.dataDir, 'pglite') });
    closers.push(() => pglite.close());
    const open = async <T extends { migrate(): Promise<unknown>; close(): Promise<void> }>(db: T) => {
      closers.push(() => db.close());
      await db.migrate();
      return db;
    };
    const ingestionDb = await open(createIngestionDb({ kind: 'pglite', pglite }));
    const listeningDb = await open(createListeningDb({ kind: 'pglite', pglite }));
    const analyticsDb = await open(createAnalyticsDb({ kind: 'pglite', pglite }));
    const deckDb = await open(createDeckDb({ kind: 'pglite', pglite }));

    const onFatal = (error: Error) => {
      logger.fatal({ err: error }, 'a consumer crashed; stopping');
      process.exitCode = 1;
      void close().then(() => process.exit(1));
    };

    const listen = async (app: ServiceApp, port: number) => {
      closers.push(() => app.close());
      await app.listen({ host: options.host, port });
      return urlOf(app);
    };

    await bootstrapWorkspace(ingestionDb, { workspaceId: options.workspaceId, apiKey: options.apiKey, keyName: 'embedded demo' });
    const relay = createOutboxRelay({ db: ingestionDb, bus, logger: logger.child({ component: 'outbox' }) });
    relay.start();
    closers.push(() => relay.stop());

    const listeningConsumer = await startAnalyzeMentionsConsumer({ bus, db: listeningDb, logger, onFatal });
    closers.push(() => listeningConsumer.stop());
    const analyticsConsumer = await startStoreEventsConsumer({ bus, db: analyticsDb, logger, onFatal });
    closers.push(() => analyticsConsumer.stop());

    // Keys are checked in process against ingestion's database: one verifier for all four services.
    const verifyKey = createKeyVerifier(ingestionDb, { logger });
    const analyticsUrl = await listen(await buildAnalyticsApp({ logger: logger.child({ service: 'analytics' }), db: analyticsDb, bus, verifyKey }), options.ports.analytics);
    const urls = {
      ingestion: await listen(await buildIngestionApp({ logger: logger.child({ service: 'ingestion' }), db: ingestionDb, bus, relay, verifyKey }), options.ports.ingestion),
      listening: await listen(await buildListeningApp({ logger: logger.child({ service: 'listening' }), db: listeningDb, bus, verifyKey }), options.ports.listening),
      analytics: analyticsUrl,
      deck: await listen(
        await buildDeckApp({ logger: logger.child({ service: 'deck-builder' }), db: deckDb, bus, analytics: createAnalyticsClient({ baseUrl: analyticsUrl }), verifyKey }),
        options.ports.deck,
      ),
    };
    return {
      urls,
      ingestionDb,
      settle: async () => {
        await relay.flush();
        await bus.drain({ timeoutMs: 120_000 });
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
