import { createAnalyticsDb } from '@herald/analytics-data-access';
import { AnalyticsConfigSchema, analyticsSettingsFrom, composeAnalyticsService } from '@herald/analytics-service';
import { bootService } from '@herald/service-kit';

await bootService({
  name: 'analytics',
  configSchema: AnalyticsConfigSchema,
  openDb: (config) => createAnalyticsDb({ kind: 'postgres', url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA }),
  compose: (parts, config) => composeAnalyticsService(parts, analyticsSettingsFrom(config)),
});
