import { createReadStream } from 'node:fs';

import { findDeckAsset } from '@herald/deck-slides';
import { notFound, type ServiceApp } from '@herald/service-kit';
import { Type } from 'typebox';

/** Decks link their reveal.js, Chart.js and style files under this path. */
export const DECK_ASSET_PREFIX = '/assets/';

/** Serves exactly the files a rendered deck references, and nothing else from disk. */
export function registerDeckAssets(app: ServiceApp): void {
  app.get(`${DECK_ASSET_PREFIX}*`, { schema: { hide: true, params: Type.Object({ '*': Type.String() }) } }, async (request, reply) => {
    const asset = findDeckAsset(request.params['*']);
    if (!asset) throw notFound('asset');
    return reply.type(asset.contentType).header('cache-control', 'public, max-age=86400').send(createReadStream(asset.filePath));
  });
}
