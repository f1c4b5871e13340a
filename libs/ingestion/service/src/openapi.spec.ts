import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { createLogger, openApiDocument, unusedDependency } from '@herald/service-kit';

import { buildIngestionApp } from './build-app.ts';

describe('ingestion OpenAPI document', () => {
  it('matches the committed document the client is generated from', async () => {
    const app = await buildIngestionApp({
      logger: createLogger({ name: 'ingestion', level: 'silent' }),
      db: unusedDependency('db'),
      bus: unusedDependency('bus'),
      relay: unusedDependency('relay'),
    });
    const committed = JSON.parse(readFileSync(new URL('../../client/openapi.json', import.meta.url), 'utf8'));
    // When this fails: npx nx run @herald/ingestion-service:openapi && npx nx run @herald/ingestion-client:generate
    expect(await openApiDocument(app)).toEqual(committed);
    await app.close();
  });

  it('documents the batch routes with a literal colon, not as a path parameter', async () => {
    const app = await buildIngestionApp({
      logger: createLogger({ name: 'ingestion', level: 'silent' }),
      db: unusedDependency('db'),
      bus: unusedDependency('bus'),
      relay: unusedDependency('relay'),
    });
    const document = (await openApiDocument(app)) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/posts:batch', '/v1/metrics:batch', '/v1/followers:batch', '/v1/mentions:batch', '/v1/imports', '/v1/imports/{id}']),
    );
    await app.close();
  });
});
