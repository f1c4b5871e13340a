import { PGlite } from '@electric-sql/pglite';
import { Type } from 'typebox';
import { afterAll, describe, expect, it } from 'vitest';

import { createLogger } from '../logger.ts';
import { createServiceApp, listRoutes, type ServiceApp } from '../service-app.ts';
import { rawRequest, scopesWithout, walkOddTargets, walkRoutes } from '../testing/route-walk.ts';
import { registerGuardedApi, type RateLimitOptions } from './api-guard.ts';
import type { Principal, Scope } from './principal.ts';

const silent = createLogger({ name: 'test', level: 'silent' });
const ALL: Scope[] = ['ingest', 'read', 'admin', 'operator'];

const keys: Record<string, Principal> = {
  'key-a': { workspaceId: 'a', keyId: 'ka', scopes: ALL },
  'key-b': { workspaceId: 'b', keyId: 'kb', scopes: ALL },
  ...Object.fromEntries(ALL.map((s) => [`key-a-no-${s}`, { workspaceId: 'a', keyId: `ka-${s}`, scopes: scopesWithout(s) }])),
};
const notes: Record<string, { id: string; text: string }[]> = { a: [{ id: '11111111-1111-4111-8111-111111111111', text: 'MARKER-A' }], b: [] };

async function build(options: { rateLimit?: RateLimitOptions; extra?: (app: ServiceApp) => void } = {}) {
  const app = await createServiceApp({ name: 'test', version: '0.0.0', description: 'test', logger: silent, readiness: [] });
  await registerGuardedApi(app, { verifyKey: async (key) => keys[key] ?? null, rateLimit: options.rateLimit }, (api) => {
    api.get('/v1/notes', { config: { scope: 'read' } }, async (request) => ({ items: notes[request.principal.workspaceId] }));
    api.get('/v1/notes/:id', { config: { scope: 'read' }, schema: { params: Type.Object({ id: Type.String() }) } }, async (request, reply) => {
      const note = notes[request.principal.workspaceId]?.find((n) => n.id === request.params.id);
      return note ?? reply.status(404).send({ error: { code: 'NOT_FOUND', message: 'note not found' } });
    });
    api.post('/v1/notes', { config: { scope: 'ingest' }, schema: { body: Type.Object({}, { additionalProperties: true }) } }, async () => ({ ok: true }));
    api.get('/v1/admin', { config: { scope: 'admin' } }, async (request) => request.principal);
    api.get('/v1/open', { config: { public: true } }, async () => ({ open: true }));
  });
  options.extra?.(app);
  await app.ready();
  return app;
}

describe('the API guard', () => {
  it('lets a key with the scope in, as its own workspace', async () => {
    const app = await build();
    const res = await app.inject({ url: '/v1/admin', headers: { authorization: 'Bearer key-a' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ workspaceId: 'a', keyId: 'ka', scopes: ALL });
  });

  it('refuses every guarded route of the route table without a valid key, or without its scope, and keeps workspaces apart', async () => {
    const app = await build();
    const { routes, violations } = await walkRoutes({
      app,
      keys: { full: 'key-a', lacking: (s) => `key-a-no-${s}`, revoked: 'key-revoked', otherWorkspace: 'key-b' },
      marker: 'MARKER-A',
      params: { id: notes.a![0]!.id },
    });
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /v1/notes', 'GET /v1/notes/:id', 'POST /v1/notes', 'GET /v1/admin']);
    expect(violations).toEqual([]);
  }, 120_000); // many requests; seconds on a busy machine

  it('refuses a workspaceId sent by the caller', async () => {
    const app = await build();
    const query = await app.inject({ url: '/v1/notes?workspaceId=b', headers: { 'x-api-key': 'key-a' } });
    const body = await app.inject({ method: 'POST', url: '/v1/notes', headers: { 'x-api-key': 'key-a' }, payload: { workspaceId: 'b' } });
    expect([query.statusCode, query.json().error.code]).toEqual([400, 'WORKSPACE_FROM_KEY']);
    expect([body.statusCode, body.json().error.code]).toEqual([400, 'WORKSPACE_FROM_KEY']);
  });

  it('leaves public routes, /health and /docs open', async () => {
    const app = await build();
    expect((await app.inject('/v1/open')).statusCode).toBe(200);
    expect((await app.inject('/health')).statusCode).toBe(200);
    expect((await app.inject('/docs/json')).statusCode).toBe(200);
  });

  it('refuses odd request targets without a key over a real socket: encoded, dotted, doubled, absolute, upper-case, trailing slash', async () => {
    const app = await build();
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const port = (app.server.address() as { port: number }).port;
      const { tried, violations } = await walkOddTargets({ app, port, params: { id: notes.a![0]!.id } });
      expect(tried).toBeGreaterThanOrEqual(40);
      expect(violations).toEqual([]);
      // The same request with a key does get in, so the refusals above are the guard's doing.
      expect((await rawRequest({ port, method: 'GET', target: '/%761/notes', headers: { 'x-api-key': 'key-a' } })).status).toBe(200);
      expect((await rawRequest({ port, method: 'GET', target: '/%761/notes' })).status).toBe(401);
    } finally {
      await app.close();
    }
  }, 120_000); // many requests; seconds on a busy machine

  it('stops the service at start-up when a /v1 route names no scope', async () => {
    const app = await createServiceApp({ name: 't', version: '0', description: 't', logger: silent, readiness: [] });
    await expect(
      registerGuardedApi(app, { verifyKey: async () => null }, (api) => {
        api.get('/v1/unscoped', async () => ({}));
      }),
    ).rejects.toThrow(/names no scope/);
  });

  it('stops the service at start-up when a /v1 route is registered outside the guarded scope', async () => {
    const app = await createServiceApp({ name: 't', version: '0', description: 't', logger: silent, readiness: [] });
    expect(() => app.get('/v1/outside', { config: { scope: 'read' } }, async () => ({}))).toThrow(/outside the guarded scope/);
    await expect(
      app
        .register(async (child) => {
          child.get('/V1/Sneaky', async () => ({}));
        })
        .ready(),
    ).rejects.toThrow(/outside the guarded scope/);
  });

  it('lists every route with its access config', async () => {
    const app = await build();
    expect(listRoutes(app)).toEqual(
      expect.arrayContaining([{ method: 'GET', url: '/v1/open', guarded: true, config: { public: true, scope: undefined, authenticated: undefined } }]),
    );
  });

  it('sends security headers on docs pages: a CSP that forbids framing, and X-Frame-Options DENY', async () => {
    const app = await build();
    const res = await app.inject('/docs/static/index.html');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('the per-key rate limit', () => {
  const pg = new PGlite();
  afterAll(() => pg.close());
  const sql = { $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => (await pg.query(query, values)).rows as T };

  it('counts writes per key in a shared PostgreSQL table, so two replicas share one budget, and answers 429 with retry-after', async () => {
    await pg.exec('CREATE SCHEMA s; CREATE TABLE s.rate_limit_counters (key text PRIMARY KEY, count integer NOT NULL, reset_at timestamptz(3) NOT NULL)');
    const limit: RateLimitOptions = { max: 3, store: { sql, schema: 's' } };
    const [one, two] = [await build({ rateLimit: limit }), await build({ rateLimit: limit })];
    const post = (app: ServiceApp, key: string) => app.inject({ method: 'POST', url: '/v1/notes', headers: { 'x-api-key': key }, payload: {} });

    const statuses = [await post(one, 'key-a'), await post(two, 'key-a'), await post(one, 'key-a')].map((r) => r.statusCode);
    const fourth = await post(two, 'key-a');
    const otherKey = await post(one, 'key-b');
    const reads = await one.inject({ url: '/v1/notes', headers: { 'x-api-key': 'key-a' } });

    expect(statuses).toEqual([200, 200, 200]);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.code).toBe('RATE_LIMITED');
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
    expect(otherKey.statusCode).toBe(200);
    expect(reads.statusCode).toBe(200); // reads are not counted unless the service asks for it
  }, 120_000); // many requests; seconds on a busy machine

  it('answers 503 with Retry-After when the store cannot be reached', async () => {
    const broken = {
      $queryRawUnsafe: async () => {
        throw new Error('connection refused');
      },
    };
    const app = await build({ rateLimit: { max: 3, store: { sql: broken, schema: 's' } } });
    const res = await app.inject({ method: 'POST', url: '/v1/notes', headers: { 'x-api-key': 'key-a' }, payload: {} });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('DEPENDENCY_UNAVAILABLE');
    expect(res.headers['retry-after']).toBe('5');
  });
});
