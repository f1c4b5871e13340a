import { fileURLToPath } from 'node:url';

import { createLogger, unusedDependency, writeOpenApiDocument } from '@herald/service-kit';

import { buildIngestionApp } from '../src/build-app.ts';

const app = await buildIngestionApp({
  logger: createLogger({ name: 'ingestion', level: 'silent' }),
  db: unusedDependency('db'),
  bus: unusedDependency('bus'),
  relay: unusedDependency('relay'),
});
await writeOpenApiDocument(app, fileURLToPath(new URL('../../client/openapi.json', import.meta.url)));
await app.close();
