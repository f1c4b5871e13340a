import { createAnalyticsClient } from '@herald/analytics-client';
import type { DeckDb } from '@herald/deck-data-access';
import { createRemoteKeyVerifier } from '@herald/ingestion-client';
import type { ComposedService, ServiceParts, VerifyKey } from '@herald/service-kit';

import { buildDeckApp } from './build-app.ts';
import type { DeckConfig } from './deck.config.ts';

export interface DeckSettings {
  /** How keys are checked: through ingestion's API in production, in process in the embedded stack. */
  verifyKey: VerifyKey;
  /** Base URL of the analytics API the decks are built from. */
  analyticsUrl: string;
  /** Base URL people open decks at, for absolute share links. */
  publicUrl?: string | undefined;
}

export const deckSettingsFrom = (config: DeckConfig): DeckSettings => ({
  verifyKey: createRemoteKeyVerifier({ baseUrl: config.INGESTION_URL }),
  analyticsUrl: config.ANALYTICS_URL,
  publicUrl: config.PUBLIC_URL,
});

/** The composition root of deck-builder: the process entry, the embedded stack and tests all wire it here. */
export async function composeDeckService(parts: ServiceParts<DeckDb>, settings: DeckSettings): Promise<ComposedService> {
  const { logger, db, bus } = parts;
  const app = await buildDeckApp({
    logger,
    db,
    bus,
    analytics: createAnalyticsClient({ baseUrl: settings.analyticsUrl }),
    verifyKey: settings.verifyKey,
    publicUrl: settings.publicUrl,
  });
  return { app, stop: async () => undefined };
}
