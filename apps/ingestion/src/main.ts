import { createIngestionDb } from '@herald/ingestion-data-access';
import { composeIngestionService, IngestionConfigSchema, ingestionSettingsFrom } from '@herald/ingestion-service';
import { bootService } from '@herald/service-kit';

await bootService({
  name: 'ingestion',
  configSchema: IngestionConfigSchema,
  openDb: (config) => createIngestionDb({ kind: 'postgres', url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA }),
  compose: (parts, config) => composeIngestionService(parts, ingestionSettingsFrom(config)),
});
