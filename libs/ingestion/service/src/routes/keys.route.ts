import type { IngestionDb } from '@herald/ingestion-data-access';
import { AppError, errorResponse, notFound, type Scope, type ServiceApp } from '@herald/service-kit';

import {
  CreatedKeySchema,
  CreateKeyBodySchema,
  KeyIdParamsSchema,
  KeyInfoSchema,
  KeyListSchema,
  PrincipalSchema,
  WorkspaceKeyParamsSchema,
  WorkspaceParamsSchema,
} from '../api/keys.schema.ts';
import { createApiKey, DEFAULT_KEY_SCOPES, ensureWorkspace, listApiKeys, revokeApiKey } from '../auth/api-keys.ts';

/** A key can hand out only what it holds itself: an admin cannot mint an operator key. */
function grantable(held: readonly Scope[], requested: readonly Scope[] | undefined): Scope[] {
  const scopes = requested?.length ? requested : DEFAULT_KEY_SCOPES;
  const missing = scopes.filter((s) => !held.includes(s));
  if (missing.length) throw new AppError('SCOPE_NOT_GRANTABLE', `This key cannot grant scopes it does not hold: ${missing.join(', ')}`, 403, { missing });
  return [...scopes];
}

/**
 * Workspace API keys. Other services verify a key by calling GET /v1/keys/self with it; admins
 * manage their own workspace's keys; an operator key creates workspaces and their first keys.
 */
export function registerKeyRoutes(app: ServiceApp, db: IngestionDb): void {
  const notGrantable = (scope: Scope) =>
    errorResponse(`The key lacks the "${scope}" scope (SCOPE_MISSING), or asks for scopes it does not hold itself (SCOPE_NOT_GRANTABLE)`);
  const noKey = errorResponse('No key with this id in the workspace (NOT_FOUND)');

  app.get(
    '/v1/keys/self',
    {
      config: { authenticated: true },
      schema: {
        operationId: 'getOwnKey',
        tags: ['keys'],
        summary: 'The workspace and scopes of the key sending the request (how other services verify keys)',
        response: { 200: PrincipalSchema },
      },
    },
    async (request) => request.principal,
  );

  app.get(
    '/v1/keys',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'listKeys',
        tags: ['keys'],
        summary: "The workspace's keys, revoked ones included (never the keys themselves)",
        response: { 200: KeyListSchema },
      },
    },
    async (request) => ({ items: await listApiKeys(db, request.principal.workspaceId) }),
  );

  app.post(
    '/v1/keys',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'createKey',
        tags: ['keys'],
        summary: 'A new key for the workspace; the answer holds it once',
        body: CreateKeyBodySchema,
        response: { 201: CreatedKeySchema, 403: notGrantable('admin') },
      },
    },
    async (request, reply) => {
      const scopes = grantable(request.principal.scopes, request.body.scopes);
      const created = await createApiKey(db, { workspaceId: request.principal.workspaceId, name: request.body.name, scopes });
      return reply.status(201).send({ ...created, workspaceCreated: false });
    },
  );

  app.delete(
    '/v1/keys/:id',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'revokeKey',
        tags: ['keys'],
        summary: 'Revokes a key of the workspace; it is refused from then on',
        params: KeyIdParamsSchema,
        response: { 200: KeyInfoSchema, 404: noKey },
      },
    },
    async (request) => {
      const revoked = await revokeApiKey(db, { id: request.params.id, workspaceId: request.principal.workspaceId });
      if (!revoked) throw notFound(`key ${request.params.id}`);
      return revoked;
    },
  );

  app.post(
    '/v1/workspaces/:id/keys',
    {
      config: { scope: 'operator' },
      schema: {
        operationId: 'createWorkspaceKey',
        tags: ['keys'],
        summary: 'Operator: a new key for any workspace, creating the workspace when it does not exist',
        params: WorkspaceParamsSchema,
        body: CreateKeyBodySchema,
        response: { 201: CreatedKeySchema, 403: notGrantable('operator') },
      },
    },
    async (request, reply) => {
      const scopes = grantable(request.principal.scopes, request.body.scopes);
      const { created } = await ensureWorkspace(db, request.params.id);
      const key = await createApiKey(db, { workspaceId: request.params.id, name: request.body.name, scopes });
      return reply.status(201).send({ ...key, workspaceCreated: created });
    },
  );

  app.get(
    '/v1/workspaces/:id/keys',
    {
      config: { scope: 'operator' },
      schema: {
        operationId: 'listWorkspaceKeys',
        tags: ['keys'],
        summary: "Operator: any workspace's keys (never the keys themselves)",
        params: WorkspaceParamsSchema,
        response: { 200: KeyListSchema },
      },
    },
    async (request) => ({ items: await listApiKeys(db, request.params.id) }),
  );

  app.delete(
    '/v1/workspaces/:id/keys/:keyId',
    {
      config: { scope: 'operator' },
      schema: {
        operationId: 'revokeWorkspaceKey',
        tags: ['keys'],
        summary: 'Operator: revokes a key of any workspace',
        params: WorkspaceKeyParamsSchema,
        response: { 200: KeyInfoSchema, 404: noKey },
      },
    },
    async (request) => {
      const revoked = await revokeApiKey(db, { id: request.params.keyId, workspaceId: request.params.id });
      if (!revoked) throw notFound(`key ${request.params.keyId}`);
      return revoked;
    },
  );
}
