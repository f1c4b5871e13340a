import { timingSafeEqual } from 'node:crypto';

import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';

import { AppError } from '../app-error.ts';
import type { ServiceApp } from '../service-app.ts';
import { isScope, type Principal, type VerifyKey } from './principal.ts';
import { createSqlRateLimitStore, type SqlRunner } from './sql-rate-limit-store.ts';

/** Paths under this prefix are the API; every one of them must be registered inside the guarded scope. */
export const API_PREFIX = '/v1';

const GUARDED = 'heraldGuardedScope';

export interface RateLimitOptions {
  /** Requests per window and key. */
  max: number;
  /** Window length in ms (default one minute). */
  timeWindowMs?: number;
  /** Which routes count: `writes` (every method but GET/HEAD, the default) or `all`. */
  routes?: 'writes' | 'all';
  /** Shared counters (PostgreSQL), so the limit holds across replicas; per process when absent. */
  store?: { sql: SqlRunner; schema: string | (() => string) };
}

export interface ApiGuardOptions {
  verifyKey: VerifyKey;
  rateLimit?: RateLimitOptions;
}

/** Reads the key from `x-api-key`, or from `Authorization: Bearer <key>`. */
export function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  const direct = Array.isArray(header) ? header[0] : header;
  if (direct) return direct.trim() || undefined;
  const auth = request.headers.authorization;
  const match = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  return match?.[1];
}

/** Constant-time comparison of two secrets (or their hashes) of any length. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const isApiPath = (url: string): boolean => {
  const path = (url.split('?')[0] ?? '').toLowerCase();
  return path === API_PREFIX || path.startsWith(`${API_PREFIX}/`);
};

/**
 * The root-level half of the guard, installed by createServiceApp: every route is recorded in
 * the route table, and a /v1 route registered outside the guarded scope, or one inside it that
 * names neither a scope nor `public`, stops the service at start-up (fail closed).
 */
export function installRouteTable(app: FastifyInstance): RouteTableEntry[] {
  const table: RouteTableEntry[] = [];
  app.addHook('onRoute', function (this: FastifyInstance, route: RouteOptions) {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const config = (route.config ?? {}) as RouteTableEntry['config'];
    const guarded = this.hasDecorator(GUARDED);
    if (isApiPath(route.url) && !guarded) {
      throw new Error(`${methods.join(',')} ${route.url} is an API route registered outside the guarded scope: register it inside registerGuardedApi`);
    }
    if (guarded) {
      if (config.scope !== undefined && !isScope(config.scope)) throw new Error(`${methods.join(',')} ${route.url}: unknown scope "${String(config.scope)}"`);
      const access = [config.scope, config.public, config.authenticated].filter(Boolean).length;
      if (access === 0)
        throw new Error(
          `${methods.join(',')} ${route.url} names no scope: add config: { scope: 'read' | 'ingest' | 'admin' | 'operator' }, { authenticated: true } or { public: true }`,
        );
      if (access > 1) throw new Error(`${methods.join(',')} ${route.url} names more than one of scope, authenticated and public`);
    }
    for (const method of methods)
      table.push({ method, url: route.url, guarded, config: { scope: config.scope, public: config.public, authenticated: config.authenticated } });
  });
  return table;
}

export interface RouteTableEntry {
  method: string;
  url: string;
  /** Registered inside the guarded scope. */
  guarded: boolean;
  config: { scope?: Principal['scopes'][number]; public?: boolean; authenticated?: boolean };
}

/**
 * Registers a service's API routes in one encapsulated scope whose hooks run after routing: a
 * request reaches a handler in it only once its key was verified and holds the route's scope,
 * whatever its raw target looked like. The workspace comes from the key: a `workspaceId` in the
 * query or body is refused. Routes opt out with `config: { public: true }`.
 */
export async function registerGuardedApi(app: ServiceApp, options: ApiGuardOptions, routes: (api: ServiceApp) => void | Promise<void>): Promise<void> {
  await app.register(async (api) => {
    api.decorate(GUARDED, true);
    api.decorateRequest('principal', null as unknown as Principal);

    api.addHook('onRequest', async (request) => {
      const config = request.routeOptions.config;
      if (config.public) return;
      const key = presentedKey(request);
      if (!key) throw new AppError('AUTH_REQUIRED', 'Send an API key in the x-api-key header (or Authorization: Bearer)', 401);
      const principal = await options.verifyKey(key);
      if (!principal) throw new AppError('AUTH_INVALID', 'Unknown or revoked API key', 401);
      if (!config.authenticated && (!config.scope || !principal.scopes.includes(config.scope))) {
        throw new AppError('SCOPE_MISSING', `This key lacks the "${config.scope ?? '?'}" scope`, 403, { required: config.scope, granted: principal.scopes });
      }
      request.principal = principal;
    });

    // Runs once the body is parsed, before validation: a workspace chosen by the caller is never honoured.
    api.addHook('preValidation', async (request) => {
      if (request.routeOptions.config.public) return;
      for (const [where, value] of [
        ['query', request.query],
        ['body', request.body],
      ] as const) {
        if (value && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, 'workspaceId')) {
          throw new AppError('WORKSPACE_FROM_KEY', `Do not send workspaceId (${where}): the workspace is the one your API key belongs to`, 400, [
            { field: `${where}.workspaceId`, message: 'is not accepted' },
          ]);
        }
      }
    });

    if (options.rateLimit) await registerKeyRateLimit(api, options.rateLimit);
    await routes(api as ServiceApp);
  });
}

// The routes the per-key budget counts, by their route options (what onRoute hooks and the docs' transform see).
const rateLimitedRoutes = new WeakSet<object>();

/** Whether requests to this route count against the caller's per-key budget (and so may answer 429). */
export const isRateLimitedRoute = (route: object): boolean => rateLimitedRoutes.has(route);

async function registerKeyRateLimit(api: FastifyInstance, limits: RateLimitOptions): Promise<void> {
  const countsAll = limits.routes === 'all';
  const timeWindow = limits.timeWindowMs ?? 60_000;
  // Before the limiter's own onRoute hook: every route not counted opts out, the others share one budget per key.
  api.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const writes = methods.some((m) => m !== 'GET' && m !== 'HEAD');
    const counted = !route.config?.public && (countsAll || writes || route.config?.rateLimited === true);
    if (!counted) route.config = { ...route.config, rateLimit: false } as typeof route.config;
    else rateLimitedRoutes.add(route);
  });
  await api.register(rateLimit, {
    global: true,
    max: limits.max,
    timeWindow,
    hook: 'onRequest',
    ...(limits.store ? { store: createSqlRateLimitStore({ ...limits.store, timeWindowMs: timeWindow }) } : {}),
    keyGenerator: (request) => `key:${request.principal?.keyId ?? request.ip}`,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'RATE_LIMITED',
        `More than ${context.max} requests per ${timeWindow === 60_000 ? 'minute' : `${Math.round(timeWindow / 1000)} s`} for this API key; retry in ${context.after}`,
        429,
        {
          limit: context.max,
          windowSeconds: Math.round(timeWindow / 1000),
          retryAfterSeconds: Math.ceil(context.ttl / 1000),
        },
      ),
  });
}
