import multipart from '@fastify/multipart';

import type { EventBus } from '@herald/event-bus';
import type { IngestionDb } from '@herald/ingestion-data-access';
import { createServiceApp, type Logger, type ServiceApp } from '@herald/service-kit';

import { registerApiKeyAuth } from './auth/auth.hook.ts';
import { createImportRunner } from './imports/import-runner.ts';
import { explainSizeLimits, registerRateLimit } from './limits/request-limits.ts';
import { countFailedOutboxEvents } from './outbox/failed-outbox.repository.ts';
import type { OutboxRelay } from './outbox/outbox-relay.ts';
import { registerBatchRoutes } from './routes/batch.route.ts';
import { registerImportRoutes } from './routes/imports.route.ts';
import { registerOutboxAdminRoutes } from './routes/outbox-admin.route.ts';

const MB = 1024 * 1024;

export interface IngestionDeps {
  logger: Logger;
  db: IngestionDb;
  bus: EventBus;
  relay: OutboxRelay;
  /** Largest JSON body (default 64 MB). */
  bodyLimitBytes?: number;
  /** Requests per minute and workspace on /v1 routes (default 600). */
  rateLimitPerMinute?: number;
  /** Largest file on POST /v1/imports (default 1 GB). */
  uploadLimitBytes?: number;
  /** Where uploads are written while they are imported (default: the OS temp folder). */
  spoolDir?: string;
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

/**
 * The ingestion API: batch routes for posts, metrics, follower counts and mentions, and CSV
 * imports. Order: API key check, then the per-workspace rate limit (keyed by that check's
 * workspace), then the multipart parser, then the routes.
 */
export async function buildIngestionApp(deps: IngestionDeps): Promise<ServiceApp> {
  const limits = {
    bodyLimitBytes: deps.bodyLimitBytes ?? 64 * MB,
    rateLimitPerMinute: deps.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    uploadLimitBytes: deps.uploadLimitBytes ?? 1024 * MB,
  };
  const app = await createServiceApp({
    name: 'ingestion',
    version: '0.1.0',
    description: "The one door for a social team's data: posts, metric snapshots, follower counts, mentions and messages, sent in batches or uploaded as the networks' CSV exports.",
    logger: deps.logger,
    bodyLimitBytes: limits.bodyLimitBytes,
    readiness: [
      { name: 'database', check: () => deps.db.ping() },
      { name: 'kafka', check: () => deps.bus.ping() },
      {
        // Reported, never failing readiness: a backlog is what the outbox is for while Kafka is away.
        name: 'outbox',
        check: async () => {
          const [age, failed] = await Promise.all([deps.relay.oldestPendingAgeMs(), countFailedOutboxEvents(deps.db)]);
          return { oldestPendingAgeSeconds: age === null ? 0 : Math.round(age / 1000), failedEvents: failed };
        },
      },
    ],
  });
  registerApiKeyAuth(app, deps.db);
  await registerRateLimit(app, limits);
  await app.register(multipart, { limits: { fileSize: limits.uploadLimitBytes, files: 1, fields: 10, parts: 11 } });

  const runner = createImportRunner({ db: deps.db, relay: deps.relay, logger: deps.logger });
  app.addHook('onClose', () => runner.close());

  await app.register(async (api) => {
    explainSizeLimits(api, limits);
    registerBatchRoutes(api, deps);
    registerImportRoutes(api, { db: deps.db, runner, spoolDir: deps.spoolDir });
    registerOutboxAdminRoutes(api, deps);
  });
  return app;
}
