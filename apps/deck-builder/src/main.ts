import { createDeckDb } from '@herald/deck-data-access';
import { composeDeckService, DeckConfigSchema, deckSettingsFrom } from '@herald/deck-service';
import { bootService } from '@herald/service-kit';

await bootService({
  name: 'deck-builder',
  configSchema: DeckConfigSchema,
  openDb: (config) => createDeckDb({ kind: 'postgres', url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA }),
  compose: (parts, config) => composeDeckService(parts, deckSettingsFrom(config)),
});
