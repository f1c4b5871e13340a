import { createRemoteKeyVerifier } from '@herald/ingestion-client';
import type { ListeningDb } from '@herald/listening-data-access';
import type { ComposedService, ServiceParts, VerifyKey } from '@herald/service-kit';

import { buildListeningApp } from './build-app.ts';
import { startAnalyzeMentionsConsumer } from './consumers/analyze-mentions.consumer.ts';
import type { ListeningConfig } from './listening.config.ts';

export interface ListeningSettings {
  /** How keys are checked: through ingestion's API in production, in process in the embedded stack. */
  verifyKey: VerifyKey;
}

export const listeningSettingsFrom = (config: ListeningConfig): ListeningSettings => ({
  verifyKey: createRemoteKeyVerifier({ baseUrl: config.INGESTION_URL }),
});

/** The composition root of listening: the process entry, the embedded stack and tests all wire it here. */
export async function composeListeningService(parts: ServiceParts<ListeningDb>, settings: ListeningSettings): Promise<ComposedService> {
  const { logger, db, bus, onFatal } = parts;
  const app = await buildListeningApp({ logger, db, bus, verifyKey: settings.verifyKey });
  const consumer = await startAnalyzeMentionsConsumer({ bus, db, logger, onFatal });
  return { app, stop: () => consumer.stop() };
}
