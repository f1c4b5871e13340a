import { Type, type Static } from 'typebox';

import { commonServiceConfig } from '@herald/service-kit';

export const IngestionConfigSchema = Type.Object({
  ...commonServiceConfig({ port: 3001, schema: 'ingestion' }),
  HERALD_BOOTSTRAP_WORKSPACE: Type.String({ default: 'demo', pattern: '^[a-z0-9][a-z0-9-]{0,62}$', description: 'Workspace created at start if missing' }),
  HERALD_API_KEY: Type.Optional(Type.String({ minLength: 24, description: 'API key of the bootstrap workspace, created at start if missing' })),
  BODY_LIMIT_MB: Type.Integer({ minimum: 1, maximum: 1024, default: 64, description: 'Largest JSON request body' }),
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 600, description: 'Requests per minute and workspace on /v1 routes' }),
  IMPORT_LIMIT_MB: Type.Integer({ minimum: 1, maximum: 2047, default: 1024, description: 'Largest CSV upload on POST /v1/imports' }),
  IMPORT_SPOOL_DIR: Type.Optional(Type.String({ minLength: 1, description: 'Folder for uploads while they are imported (default: the OS temp folder)' })),
});

export type IngestionConfig = Static<typeof IngestionConfigSchema>;
