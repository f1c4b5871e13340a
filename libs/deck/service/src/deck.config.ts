import { Type, type Static } from 'typebox';

import { commonServiceConfig } from '@herald/service-kit';

export const DeckConfigSchema = Type.Object({
  ...commonServiceConfig({ port: 3004, schema: 'deck' }),
  INGESTION_URL: Type.String({ pattern: '^https?://', description: 'Base URL of the ingestion service, which verifies API keys' }),
  ANALYTICS_URL: Type.String({ pattern: '^https?://', description: 'Base URL of the analytics service' }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://', description: 'Base URL people open decks at, when behind a proxy' })),
});

export type DeckConfig = Static<typeof DeckConfigSchema>;
