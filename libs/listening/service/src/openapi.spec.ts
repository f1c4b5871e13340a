import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { createLogger, openApiDocument, unusedDependency } from '@herald/service-kit';

import { buildListeningApp } from './build-app.ts';

const build = () =>
  buildListeningApp({
    logger: createLogger({ name: 'listening', level: 'silent' }),
    db: unusedDependency('db'),
    bus: unusedDependency('bus'),
    verifyKey: unusedDependency('verifyKey'),
  });

describe('listening OpenAPI document', () => {
  it('matches the committed document the client is generated from', async () => {
    const app = await build();
    const committed = JSON.parse(readFileSync(new URL('../../client/openapi.json', import.meta.url), 'utf8'));
    // When this fails: npx nx run @herald/listening-service:openapi && npx nx run @herald/listening-client:generate
    expect(await openApiDocument(app)).toEqual(committed);
    await app.close();
  });

  it('names each brand route by what it does and documents its 404 and 409', async () => {
    const app = await build();
    const document = (await openApiDocument(app)) as { paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>> };
    const brand = document.paths['/v1/listening/brands/{brandId}']!;
    expect([brand.get!.operationId, brand.put!.operationId, brand.delete!.operationId]).toEqual(['getBrand', 'replaceBrand', 'deleteBrand']);
    expect(Object.keys(brand.put!.responses)).toEqual(expect.arrayContaining(['404', '409']));
    expect(Object.keys(document.paths['/v1/listening/brands']!.post!.responses)).toEqual(expect.arrayContaining(['409', '429']));
    await app.close();
  });
});
