import { Type, type Static } from 'typebox';

import { commonServiceConfig } from '@herald/service-kit';

export const ListeningConfigSchema = Type.Object({
  ...commonServiceConfig({ port: 3002, schema: 'listening' }),
  INGESTION_URL: Type.String({ pattern: '^https?://', description: 'Base URL of the ingestion service, which verifies API keys' }),
});

export type ListeningConfig = Static<typeof ListeningConfigSchema>;
