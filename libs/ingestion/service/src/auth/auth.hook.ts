import type { IngestionDb } from '@herald/ingestion-data-access';
import { AppError, type ServiceApp } from '@herald/service-kit';

import { findWorkspaceByKey } from './api-keys.ts';

declare module 'fastify' {
  interface FastifyRequest {
    workspaceId: string;
  }
}

/** Every /v1 route needs the API key of a workspace; the key decides which workspace is reached. */
export function registerApiKeyAuth(app: ServiceApp, db: IngestionDb): void {
  app.decorateRequest('workspaceId', '');
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/v1/')) return;
    const header = request.headers['x-api-key'] ?? request.headers.authorization?.replace(/^Bearer\s+/i, '');
    const key = Array.isArray(header) ? header[0] : header;
    if (!key) throw new AppError('AUTH_REQUIRED', 'Send your API key in the x-api-key header', 401);
    const workspaceId = await findWorkspaceByKey(db, key);
    if (!workspaceId) throw new AppError('AUTH_INVALID', 'Unknown or revoked API key', 401);
    request.workspaceId = workspaceId;
  });
}
