import { fileURLToPath } from 'node:url';

import { createLogger, unusedDependency, writeOpenApiDocument } from '@herald/service-kit';

import { buildListeningApp } from '../src/build-app.ts';

const app = await buildListeningApp({
  logger: createLogger({ name: 'listening', level: 'silent' }),
  db: unusedDependency('db'),
  bus: unusedDependency('bus'),
  verifyKey: unusedDependency('verifyKey'),
});
await writeOpenApiDocument(app, fileURLToPath(new URL('../../client/openapi.json', import.meta.url)));
await app.close();
