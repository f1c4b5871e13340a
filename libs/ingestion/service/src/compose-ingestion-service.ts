import type { IngestionDb } from '@herald/ingestion-data-access';
import type { ComposedService, ServiceParts, VerifyKey } from '@herald/service-kit';

import { bootstrapWorkspace, createKeyVerifier } from './auth/api-keys.ts';
import { buildIngestionApp } from './build-app.ts';
import type { IngestionConfig } from './ingestion.config.ts';
import { createOutboxRelay, type OutboxRelay } from './outbox/outbox-relay.ts';

const MB = 1024 * 1024;

export interface IngestionSettings {
  /** The workspace (and its key) created at start if missing. */
  bootstrap?: { workspaceId: string; apiKey?: string | undefined; keyName?: string };
  bodyLimitBytes?: number;
  rateLimitPerMinute?: number;
  uploadLimitBytes?: number;
  spoolDir?: string | undefined;
}

export interface ComposedIngestion extends ComposedService {
  relay: OutboxRelay;
  /** Checks keys against this service's database; the embedded stack hands it to the other services. */
  verifyKey: VerifyKey;
}

export const ingestionSettingsFrom = (config: IngestionConfig): IngestionSettings => ({
  bootstrap: { workspaceId: config.HERALD_BOOTSTRAP_WORKSPACE, apiKey: config.HERALD_API_KEY },
  bodyLimitBytes: config.BODY_LIMIT_MB * MB,
  rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
  uploadLimitBytes: config.IMPORT_LIMIT_MB * MB,
  spoolDir: config.IMPORT_SPOOL_DIR,
});

/** The composition root of ingestion: the process entry, the embedded stack and tests all wire it here. */
export async function composeIngestionService(parts: ServiceParts<IngestionDb>, settings: IngestionSettings = {}): Promise<ComposedIngestion> {
  const { logger, db, bus } = parts;
  if (settings.bootstrap) await bootstrapWorkspace(db, settings.bootstrap);
  const relay = createOutboxRelay({ db, bus, logger: logger.child({ component: 'outbox' }) });
  const verifyKey = createKeyVerifier(db, { logger });
  const app = await buildIngestionApp({
    logger,
    db,
    bus,
    relay,
    verifyKey,
    ...(settings.bodyLimitBytes !== undefined && { bodyLimitBytes: settings.bodyLimitBytes }),
    ...(settings.rateLimitPerMinute !== undefined && { rateLimitPerMinute: settings.rateLimitPerMinute }),
    ...(settings.uploadLimitBytes !== undefined && { uploadLimitBytes: settings.uploadLimitBytes }),
    ...(settings.spoolDir !== undefined && { spoolDir: settings.spoolDir }),
  });
  relay.start();
  return { app, relay, verifyKey, stop: () => relay.stop() };
}
