import { fileURLToPath } from 'node:url';

import { createLogger, unusedDependency, writeOpenApiDocument } from '@herald/service-kit';

import { buildDeckApp } from '../src/build-app.ts';

const app = await buildDeckApp({
  logger: createLogger({ name: 'deck-builder', level: 'silent' }),
  db: unusedDependency('db'),
  bus: unusedDependency('bus'),
  analytics: unusedDependency('analytics'),
  verifyKey: unusedDependency('verifyKey'),
});
await writeOpenApiDocument(app, fileURLToPath(new URL('../../client/openapi.json', import.meta.url)));
await app.close();
