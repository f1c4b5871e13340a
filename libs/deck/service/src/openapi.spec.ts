import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { createLogger, openApiDocument, unusedDependency } from '@herald/service-kit';

import { buildDeckApp } from './build-app.ts';

const build = () =>
  buildDeckApp({
    logger: createLogger({ name: 'deck-builder', level: 'silent' }),
    db: unusedDependency('db'),
    bus: unusedDependency('bus'),
    analytics: unusedDependency('analytics'),
    verifyKey: unusedDependency('verifyKey'),
  });

describe('deck-builder OpenAPI document', () => {
  it('matches the committed document the client is generated from', async () => {
    const app = await build();
    const committed = JSON.parse(readFileSync(new URL('../../client/openapi.json', import.meta.url), 'utf8'));
    // When this fails: npx nx run @herald/deck-service:openapi && npx nx run @herald/deck-client:generate
    expect(await openApiDocument(app)).toEqual(committed);
    await app.close();
  });

  it('documents the deck page as HTML and its errors as JSON, and leaves the share link and assets out', async () => {
    const app = await build();
    const document = (await openApiDocument(app)) as { paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>> };
    const open = document.paths['/v1/decks/{id}']!.get!.responses;
    expect(Object.keys(open['200']!.content!)).toEqual(['text/html']);
    expect(Object.keys(open['404']!.content!)).toEqual(['application/json']);
    expect(Object.keys(document.paths).filter((p) => p.startsWith('/share') || p.startsWith('/assets'))).toEqual([]);
    await app.close();
  });
});
