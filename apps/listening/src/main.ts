import { createListeningDb } from '@herald/listening-data-access';
import { composeListeningService, ListeningConfigSchema, listeningSettingsFrom } from '@herald/listening-service';
import { bootService } from '@herald/service-kit';

await bootService({
  name: 'listening',
  configSchema: ListeningConfigSchema,
  openDb: (config) => createListeningDb({ kind: 'postgres', url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA }),
  compose: (parts, config) => composeListeningService(parts, listeningSettingsFrom(config)),
});
