import { Type, type Static } from 'typebox';

import { commonServiceConfig } from '@herald/service-kit';

export const AnalyticsConfigSchema = Type.Object({
  ...commonServiceConfig({ port: 3003, schema: 'analytics' }),
  INGESTION_URL: Type.String({ pattern: '^https?://', description: 'Base URL of the ingestion service, which verifies API keys' }),
});

export type AnalyticsConfig = Static<typeof AnalyticsConfigSchema>;
