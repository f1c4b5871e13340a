import type { FastifyRequest } from 'fastify';

import { AppError } from './app-error.ts';

/** The workspace a guarded request acts for: always the API key's, never one the caller names. */
export function workspaceOf(request: FastifyRequest): string {
  const workspaceId = request.principal?.workspaceId;
  if (!workspaceId) throw new AppError('AUTH_REQUIRED', 'Send your API key in the x-api-key header', 401);
  return workspaceId;
}
