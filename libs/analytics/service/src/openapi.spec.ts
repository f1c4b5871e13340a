import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { createLogger, openApiDocument, unusedDependency } from '@herald/service-kit';

import { buildAnalyticsApp } from './build-app.ts';

describe('analytics OpenAPI document', () => {
  it('matches the committed document the client is generated from', async () => {
    const app = await buildAnalyticsApp({
      logger: createLogger({ name: 'analytics', level: 'silent' }),
      db: unusedDependency('db'),
      bus: unusedDependency('bus'),
      verifyKey: unusedDependency('verifyKey'),
    });
    const committed = JSON.parse(readFileSync(new URL('../../client/openapi.json', import.meta.url), 'utf8'));
    // When this fails: npx nx run @herald/analytics-service:openapi && npx nx run @herald/analytics-client:generate
    expect(await openApiDocument(app)).toEqual(committed);
    await app.close();
  });
});
