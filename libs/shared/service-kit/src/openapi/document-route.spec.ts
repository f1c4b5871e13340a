import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';

import { registerGuardedApi } from '../auth/api-guard.ts';
import { createLogger } from '../logger.ts';
import { openApiDocument } from '../openapi-document.ts';
import { createServiceApp } from '../service-app.ts';
import { errorResponse } from './error-body.schema.ts';

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { description: string; headers?: Record<string, unknown>; content?: Record<string, { schema: unknown }> }>;
}
type Document = {
  servers: unknown;
  info: { license: unknown };
  components: { schemas: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
};

async function documentOf(rateLimit?: { max: number }): Promise<Document> {
  const app = await createServiceApp({
    name: 'test',
    version: '0.0.0',
    description: 'test',
    logger: createLogger({ name: 'test', level: 'silent' }),
    readiness: [],
  });
  await registerGuardedApi(app, { verifyKey: async () => null, ...(rateLimit ? { rateLimit } : {}) }, (api) => {
    api.get(
      '/v1/things/:id',
      {
        config: { scope: 'read' },
        schema: {
          operationId: 'getThing',
          params: Type.Object({ id: Type.String() }),
          response: { 200: Type.Object({ id: Type.String() }), 404: errorResponse('No such thing') },
        },
      },
      async () => ({ id: 'x' }),
    );
    api.post(
      '/v1/things',
      { config: { scope: 'admin' }, schema: { operationId: 'createThing', body: Type.Object({ name: Type.String() }) } },
      async () => ({}),
    );
    api.get('/v1/me', { config: { authenticated: true }, schema: { operationId: 'getMe' } }, async () => ({}));
    api.get('/v1/open', { config: { public: true }, schema: { operationId: 'getOpen' } }, async () => ({}));
    api.get('/v1/hidden', { config: { scope: 'read' }, schema: { hide: true } }, async () => ({}));
  });
  return (await openApiDocument(app)) as Document;
}

const codes = (operation: Operation | undefined) => Object.keys(operation?.responses ?? {}).sort();

describe('the OpenAPI document of a service', () => {
  it("declares each operation's security from its route config: the scope, any key, or none", async () => {
    const { paths } = await documentOf();
    expect(paths['/v1/things/{id}']!.get!.security).toEqual([{ apiKey: ['read'] }, { bearer: ['read'] }]);
    expect(paths['/v1/things']!.post!.security).toEqual([{ apiKey: ['admin'] }, { bearer: ['admin'] }]);
    expect(paths['/v1/me']!.get!.security).toEqual([{ apiKey: [] }, { bearer: [] }]);
    expect(paths['/v1/open']!.get!.security).toEqual([]);
    expect(paths['/health']!.get!.security).toEqual([]);
    expect(paths['/v1/hidden']).toBeUndefined();
  });

  // Routes here without a response schema get no made-up 200: redocly's operation-2xx-response asks for it.
  it('documents the errors a guarded route can answer, with the shared error body', async () => {
    const { paths, components } = await documentOf();
    // GET with a scope: validation, no/bad key, missing scope, a dependency down; its own 404.
    expect(codes(paths['/v1/things/{id}']!.get)).toEqual(['200', '400', '401', '403', '404', '503']);
    // Any key will do: no 403.
    expect(codes(paths['/v1/me']!.get)).toEqual(['400', '401', '503']);
    // A body: too large, or of a type no parser reads.
    expect(codes(paths['/v1/things']!.post)).toEqual(['400', '401', '403', '413', '415', '503']);
    // Public: only what the request checks refuse.
    expect(codes(paths['/v1/open']!.get)).toEqual(['400']);
    const notFound = paths['/v1/things/{id}']!.get!.responses['404']!;
    expect(notFound.description).toBe('No such thing');
    expect(notFound.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    expect(components.schemas.ErrorBody).toMatchObject({ required: ['error'] });
    expect(paths['/v1/things/{id}']!.get!.responses['503']!.headers).toHaveProperty('retry-after');
  });

  it('documents 429 with Retry-After exactly on the routes the per-key budget counts', async () => {
    const { paths } = await documentOf({ max: 10 });
    expect(paths['/v1/things']!.post!.responses['429']!.headers).toHaveProperty('retry-after');
    expect(paths['/v1/things/{id}']!.get!.responses['429']).toBeUndefined();
    expect(paths['/v1/open']!.get!.responses['429']).toBeUndefined();
  });

  it('names its server, license and the operations of the kit', async () => {
    const document = await documentOf();
    expect(document.servers).toEqual([{ url: '/', description: 'The test service serving this document' }]);
    expect(document.info.license).toEqual({ name: 'Apache-2.0', identifier: 'Apache-2.0' });
    expect([document.paths['/']!.get!.operationId, document.paths['/health']!.get!.operationId, document.paths['/ready']!.get!.operationId]).toEqual([
      'getServiceIndex',
      'getHealth',
      'getReadiness',
    ]);
  });
});
