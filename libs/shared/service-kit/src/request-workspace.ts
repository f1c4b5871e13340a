import type { FastifyRequest } from 'fastify';

import { AppError } from './app-error.ts';

/**
 * The workspace a request acts for. Until every service verifies API keys, it is the
 * `x-workspace-id` header; once the auth guard is in place it is the key's workspace
 * (`request.principal.workspaceId`) — the one line to change.
 */
export function workspaceOf(request: FastifyRequest): string {
  const workspaceId = request.headers['x-workspace-id'];
  if (typeof workspaceId !== 'string' || workspaceId.length === 0) throw new AppError('WORKSPACE_REQUIRED', 'the x-workspace-id header names the workspace', 401);
  return workspaceId;
}
