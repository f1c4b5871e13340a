import multipart from '@fastify/multipart';

import type { EventBus } from '@herald/event-bus';
import type { IngestionDb } from '@herald/ingestion-data-access';
import { createServiceApp, lazySql, registerGuardedApi, type Logger, type ServiceApp, type VerifyKey } from '@herald/service-kit';

import { createKeyVerifier } from './auth/api-keys.ts';
import { createImportRunner } from './imports/import-runner.ts';
import { explainSizeLimits } from './limits/request-limits.ts';
import type { OutboxRelay } from './outbox/outbox-relay.ts';
import { registerBatchRoutes } from './routes/batch.route.ts';
import { registerImportRoutes } from './routes/imports.route.ts';
import { registerOutboxAdminRoutes } from './routes/outbox-admin.route.ts';
import { countFailedOutboxEvents } from './outbox/failed-outbox.repository.ts';
import { registerKeyRoutes } from './routes/keys.route.ts';

const MB = 1024 * 1024;

export interface IngestionDeps {
  logger: Logger;
  db: IngestionDb;
  bus: EventBus;
  relay: OutboxRelay;
  /** Largest JSON body (default 64 MB). */
  bodyLimitBytes?: number;
  /** Requests per minute and API key on /v1 routes (default 600), counted in the database so replicas share it. */
  rateLimitPerMinute?: number;
  /** Largest file on POST /v1/imports (default 1 GB). */
  uploadLimitBytes?: number;
  /** Where uploads are written while they are imported (default: the OS temp folder). */
  spoolDir?: string;
  /** How keys are checked (default: against this service's api_keys table). */
  verifyKey?: VerifyKey;
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

/**
 * The ingestion API: batch routes for posts, metrics, follower counts and mentions, and CSV
 * imports, and the workspace keys every service checks. The /v1 routes live in the guarded scope:
 * key check after routing, then the per-key rate limit, then the routes.
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
    description:
      "The one door for a social team's data: posts, metric snapshots, follower counts, mentions and messages, sent in batches or uploaded as the networks' CSV exports.",
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
  await app.register(multipart, { limits: { fileSize: limits.uploadLimitBytes, files: 1, fields: 10, parts: 11 } });

  const runner = createImportRunner({ db: deps.db, relay: deps.relay, logger: deps.logger });
  app.addHook('onClose', () => runner.close());

  const guard = {
    verifyKey: deps.verifyKey ?? createKeyVerifier(deps.db, { logger: deps.logger }),
    rateLimit: { max: limits.rateLimitPerMinute, routes: 'all' as const, store: { sql: lazySql(() => deps.db.prisma), schema: () => deps.db.schema } },
  };
  await registerGuardedApi(app, guard, (api) => {
    explainSizeLimits(api, limits);
    registerBatchRoutes(api, deps);
    registerImportRoutes(api, { db: deps.db, runner, spoolDir: deps.spoolDir });
    registerKeyRoutes(api, deps.db);
    registerOutboxAdminRoutes(api, deps);
  });
  return app;
}
