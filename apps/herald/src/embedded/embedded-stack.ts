import { join } from 'node:path';

import { createAnalyticsDb } from '@herald/analytics-data-access';
import { composeAnalyticsService } from '@herald/analytics-service';
import { createDeckDb } from '@herald/deck-data-access';
import { composeDeckService } from '@herald/deck-service';
import { openPGlite } from '@herald/db';
import { createMemoryEventBus } from '@herald/event-bus';
import { createIngestionDb, type IngestionDb } from '@herald/ingestion-data-access';
import { composeIngestionService } from '@herald/ingestion-service';
import { createListeningDb } from '@herald/listening-data-access';
import { composeListeningService } from '@herald/listening-service';
import type { ComposedService, Logger, ServiceApp } from '@herald/service-kit';

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

    // Each service through its own composition root, as its process entry wires it; only the
    // parts differ (this bus, this database) and keys are checked in process by ingestion's verifier.
    const run = async (service: ComposedService, port: number) => {
      // Closed in reverse: the app stops taking requests before its background work ends.
      closers.push(() => service.stop());
      closers.push(() => service.app.close());
      await service.app.listen({ host: options.host, port });
      return urlOf(service.app);
    };
    const parts = <TDb>(db: TDb, service: string) => ({ logger: logger.child({ service }), db, bus, onFatal });

    const ingestion = await composeIngestionService(parts(ingestionDb, 'ingestion'), {
      bootstrap: { workspaceId: options.workspaceId, apiKey: options.apiKey, keyName: 'embedded demo' },
    });
    const { verifyKey, relay } = ingestion;
    const ingestionUrl = await run(ingestion, options.ports.ingestion);
    const listeningUrl = await run(await composeListeningService(parts(listeningDb, 'listening'), { verifyKey }), options.ports.listening);
    const analyticsUrl = await run(await composeAnalyticsService(parts(analyticsDb, 'analytics'), { verifyKey }), options.ports.analytics);
    const deckUrl = await run(await composeDeckService(parts(deckDb, 'deck-builder'), { verifyKey, analyticsUrl }), options.ports.deck);
    const urls = { ingestion: ingestionUrl, listening: listeningUrl, analytics: analyticsUrl, deck: deckUrl };
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
