import type { AnalyticsDb } from '@herald/analytics-data-access';
import { createRemoteKeyVerifier } from '@herald/ingestion-client';
import type { ComposedService, ServiceParts, VerifyKey } from '@herald/service-kit';

import type { AnalyticsConfig } from './analytics.config.ts';
import { buildAnalyticsApp } from './build-app.ts';
import { startStoreEventsConsumer } from './consumers/store-events.consumer.ts';

export interface AnalyticsSettings {
  /** How keys are checked: through ingestion's API in production, in process in the embedded stack. */
  verifyKey: VerifyKey;
}

export const analyticsSettingsFrom = (config: AnalyticsConfig): AnalyticsSettings => ({
  verifyKey: createRemoteKeyVerifier({ baseUrl: config.INGESTION_URL }),
});

/** The composition root of analytics: the process entry, the embedded stack and tests all wire it here. */
export async function composeAnalyticsService(parts: ServiceParts<AnalyticsDb>, settings: AnalyticsSettings): Promise<ComposedService> {
  const { logger, db, bus, onFatal } = parts;
  const app = await buildAnalyticsApp({ logger, db, bus, verifyKey: settings.verifyKey });
  const consumer = await startStoreEventsConsumer({ bus, db, logger, onFatal });
  return { app, stop: () => consumer.stop() };
}
