import { connect } from 'node:net';

import type { FastifyInstance } from 'fastify';

import type { RouteTableEntry } from '../auth/api-guard.ts';
import { SCOPES, type Principal, type Scope } from '../auth/principal.ts';
import { listRoutes } from '../service-app.ts';

/** Keys a route walk presents; the service under test must know them (seed them first). */
export interface RouteWalkKeys {
  /** Workspace A, every scope. */
  full: string;
  /** Workspace A, only these scopes: `lacking(scope)` must return a key of A without `scope`. */
  lacking(scope: Scope): string;
  /** A key that was revoked. */
  revoked: string;
  /** Workspace B, every scope: must never see A's rows. */
  otherWorkspace: string;
}

export interface RouteWalkOptions {
  app: FastifyInstance;
  keys: RouteWalkKeys;
  /** Text seeded in workspace A's data; it must never appear in an answer to workspace B. */
  marker: string;
  /** Values for path parameters (`:id` → one of A's ids), by name or by route; unknown parameters get a placeholder uuid. */
  params?: PathParams;
}

export type PathParams = Record<string, string> | ((url: string, name: string) => string | undefined);

export interface Violation {
  route: string;
  check: string;
  got: string;
}

const PLACEHOLDER = '00000000-0000-4000-8000-000000000000';

/** The guarded, non-public API routes of the app, from its real route table (HEAD twins left out). */
export function guardedRoutes(app: FastifyInstance): RouteTableEntry[] {
  return listRoutes(app).filter((r) => r.guarded && !r.config.public && r.method !== 'HEAD');
}

const paramValue = (params: PathParams | undefined, url: string, name: string): string | undefined =>
  typeof params === 'function' ? params(url, name) : params?.[name];

export function fillPath(url: string, params?: PathParams): string {
  // `::` is a literal colon in a Fastify path (`/v1/posts::batch`).
  return url.replace(/::|:([A-Za-z0-9_]+)/g, (match, name?: string) => (name ? encodeURIComponent(paramValue(params, url, name) ?? PLACEHOLDER) : ':'));
}

/**
 * Walks every guarded route and reports each refusal that did not happen: no key, a wrong key
 * and a revoked key get 401, a key lacking the route's scope 403, and another workspace's key
 * gets 404 on a route naming one of A's resources and never an answer holding A's marker.
 */
export async function walkRoutes(options: RouteWalkOptions): Promise<{ routes: RouteTableEntry[]; violations: Violation[] }> {
  const routes = guardedRoutes(options.app);
  const violations: Violation[] = [];
  for (const route of routes) {
    const url = fillPath(route.url, options.params);
    const name = `${route.method} ${route.url}`;
    const send = (key?: string) =>
      options.app.inject({
        method: route.method as 'GET',
        url,
        headers: key ? { 'x-api-key': key } : {},
        ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { payload: {} } : {}),
      });
    const expectStatus = async (check: string, key: string | undefined, status: number, code: string) => {
      const res = await send(key);
      const got = (res.json() as { error?: { code?: string } }).error?.code;
      if (res.statusCode !== status || got !== code) violations.push({ route: name, check, got: `${res.statusCode} ${got ?? res.body.slice(0, 80)}` });
    };
    await expectStatus('no key → 401', undefined, 401, 'AUTH_REQUIRED');
    await expectStatus('wrong key → 401', 'hk_wrong_key_that_was_never_issued_000000', 401, 'AUTH_INVALID');
    await expectStatus('revoked key → 401', options.keys.revoked, 401, 'AUTH_INVALID');
    if (route.config.scope) await expectStatus(`key without "${route.config.scope}" → 403`, options.keys.lacking(route.config.scope), 403, 'SCOPE_MISSING');

    const other = await send(options.keys.otherWorkspace);
    if (other.body.includes(options.marker))
      violations.push({ route: name, check: "another workspace's key never sees the marker", got: `${other.statusCode} ${other.body.slice(0, 120)}` });
    const namesResource = [...route.url.replace(/::/g, '').matchAll(/:([A-Za-z0-9_]+)/g)].some(
      ([, p]) => p !== undefined && paramValue(options.params, route.url, p) !== undefined,
    );
    if (namesResource && other.statusCode !== 404 && other.statusCode !== 400) {
      violations.push({ route: name, check: "another workspace's resource → 404", got: `${other.statusCode} ${other.body.slice(0, 120)}` });
    }
    if (other.statusCode >= 500) violations.push({ route: name, check: 'no 5xx', got: `${other.statusCode} ${other.body.slice(0, 120)}` });
  }
  return { routes, violations };
}

/** Odd spellings of a route's request target that routers and proxies read differently. */
export function oddTargets(path: string, host: string): { label: string; target: string }[] {
  const rest = path.slice('/v1'.length);
  const inner = rest.lastIndexOf('/');
  return [
    { label: 'percent-encoded v', target: `/%761${rest}` },
    { label: 'percent-encoded v (exact)', target: `/%76${path.slice(2)}` },
    { label: 'encoded slash', target: inner > 0 ? `/v1${rest.slice(0, inner)}%2F${rest.slice(inner + 1)}` : `/v1%2F${rest.slice(1)}` },
    { label: 'dot segment', target: `/./v1${rest}` },
    { label: 'dot-dot segment', target: `/x/../v1${rest}` },
    { label: 'double slash', target: `//v1${rest}` },
    { label: 'double slash inside', target: `/v1/${rest}` },
    { label: 'absolute form', target: `http://${host}${path}` },
    { label: 'upper case', target: `/V1${rest}` },
    { label: 'trailing slash', target: `${path}/` },
  ];
}

/** Sends one request with the target exactly as given, over a socket (inject would normalise it). */
export function rawRequest(options: {
  port: number;
  method: string;
  target: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: options.port });
    const body = options.body ?? '';
    const headers = {
      host: `127.0.0.1:${options.port}`,
      connection: 'close',
      'content-length': String(Buffer.byteLength(body)),
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    };
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(data);
      if (!match) reject(new Error(`no HTTP status in answer to ${options.method} ${options.target}: ${data.slice(0, 100)}`));
      else resolve({ status: Number(match[1]), head: data.slice(0, data.indexOf('\r\n\r\n')) });
    });
    socket.write(
      `${options.method} ${options.target} HTTP/1.1\r\n${Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n')}\r\n\r\n${body}`,
    );
  });
}

/**
 * Sends every odd target of every guarded route, without a key, to a listening app: each must be
 * refused (400, 401) or not found (404) — never reach a handler.
 */
export async function walkOddTargets(options: {
  app: FastifyInstance;
  port: number;
  params?: PathParams;
}): Promise<{ tried: number; violations: Violation[] }> {
  const violations: Violation[] = [];
  let tried = 0;
  for (const route of guardedRoutes(options.app)) {
    const path = fillPath(route.url, options.params);
    const body = ['POST', 'PUT', 'PATCH'].includes(route.method) ? '{}' : undefined;
    const targets = oddTargets(path, `127.0.0.1:${options.port}`);
    tried += targets.length;
    const answers = await Promise.all(targets.map(({ target }) => rawRequest({ port: options.port, method: route.method, target, ...(body ? { body } : {}) })));
    answers.forEach(({ status }, i) => {
      const { label, target } = targets[i] ?? { label: '?', target: '?' };
      if (![400, 401, 404].includes(status))
        violations.push({ route: `${route.method} ${route.url}`, check: `${label} (${target}) refused or 404`, got: String(status) });
    });
  }
  return { tried, violations };
}

/** Scopes other than `scope`: what a key lacking it holds. */
export const scopesWithout = (scope: Scope): Scope[] => SCOPES.filter((s) => s !== scope);

/**
 * Keys for tests of services that verify keys elsewhere: workspace "a" (every scope, and one key
 * lacking each scope), workspace "b", and a revoked key, with the verifier that knows them.
 */
export function createTestKeys(): { verifyKey: (key: string) => Promise<Principal | null>; keyA: string; keyB: string; walk: RouteWalkKeys } {
  const table = new Map<string, Principal>();
  const add = (key: string, principal: Principal) => (table.set(key, principal), key);
  const keyA = add('hk_test_a_all_scopes_0123456789abcdef', { workspaceId: 'a', keyId: '0a000000-0000-4000-8000-00000000000a', scopes: [...SCOPES] });
  const keyB = add('hk_test_b_all_scopes_0123456789abcdef', { workspaceId: 'b', keyId: '0b000000-0000-4000-8000-00000000000b', scopes: [...SCOPES] });
  const lacking = Object.fromEntries(
    SCOPES.map((s, i) => [
      s,
      add(`hk_test_a_without_${s}_0123456789`, { workspaceId: 'a', keyId: `0a00000${i}-0000-4000-8000-000000000001`, scopes: scopesWithout(s) }),
    ]),
  ) as Record<Scope, string>;
  return {
    verifyKey: async (key) => table.get(key) ?? null,
    keyA,
    keyB,
    walk: { full: keyA, lacking: (s) => lacking[s], revoked: 'hk_test_revoked_0123456789abcdef', otherWorkspace: keyB },
  };
}
