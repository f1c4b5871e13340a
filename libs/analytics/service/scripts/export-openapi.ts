import { fileURLToPath } from 'node:url';

import { createLogger, unusedDependency, writeOpenApiDocument } from '@herald/service-kit';

import { buildAnalyticsApp } from '../src/build-app.ts';

const app = await buildAnalyticsApp({
  logger: createLogger({ name: 'analytics', level: 'silent' }),
  db: unusedDependency('db'),
  bus: unusedDependency('bus'),
  verifyKey: unusedDependency('verifyKey'),
});
await writeOpenApiDocument(app, fileURLToPath(new URL('../../client/openapi.json', import.meta.url)));
await app.close();
