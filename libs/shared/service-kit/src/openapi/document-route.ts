import type { FastifySchema, RouteOptions } from 'fastify';

import { isApiPath, isRateLimitedRoute } from '../auth/api-guard.ts';
import { RETRY_AFTER_SECONDS } from '../error-handler.ts';
import { errorResponse } from './error-body.schema.ts';

/** The security schemes of every document: the two ways a key may be sent (see presentedKey). */
export const SECURITY_SCHEMES = {
  apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'A workspace API key' },
  bearer: { type: 'http', scheme: 'bearer', description: 'The same key, as Authorization: Bearer <key>' },
} as const;

// Fastify reads a body on these methods, so they can answer 413 and 415 whatever the route does.
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const retryAfter = (description: string) => ({
  'retry-after': { type: 'integer', minimum: 1, description, examples: [RETRY_AFTER_SECONDS] },
});

/**
 * What a route's `config` says about who may call it, as OpenAPI security requirements: none for
 * a public route, else a key (in either header) holding the route's scope (OpenAPI 3.1 lets an
 * apiKey requirement name the roles it needs).
 */
export function securityOf(url: string, config: RouteOptions['config'] | undefined): Record<string, string[]>[] {
  if (!isApiPath(url) || config?.public) return [];
  const scopes = config?.scope ? [config.scope] : [];
  return [{ apiKey: scopes }, { bearer: scopes }];
}

/**
 * The error answers a route gives because of where it sits, not what it does: the text guard and
 * validation (400) on every route; the key check (401, 403 without the route's scope) and the key
 * verifier, database or broker being down (503) on the guarded API; a body too large or of a type
 * no parser reads (413, 415) where Fastify reads a body; the per-key budget (429) where it counts.
 */
export function standardErrorResponses(route: Pick<RouteOptions, 'method' | 'url' | 'config'>): Record<string, unknown> {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const guarded = isApiPath(route.url) && !route.config?.public;
  const responses: Record<string, unknown> = {
    400: errorResponse(
      guarded
        ? 'The request is invalid: a field fails its schema (VALIDATION_FAILED), holds text that cannot be stored (TEXT_INVALID), or names a workspaceId, which comes from the key (WORKSPACE_FROM_KEY)'
        : 'The request is invalid: a field fails its schema (VALIDATION_FAILED) or holds text that cannot be stored (TEXT_INVALID)',
    ),
  };
  if (guarded) responses[401] = errorResponse('No API key was sent (AUTH_REQUIRED), or it is unknown or revoked (AUTH_INVALID)');
  if (guarded && route.config?.scope) responses[403] = errorResponse(`The key lacks the "${route.config.scope}" scope (SCOPE_MISSING)`);
  if (methods.some((m) => BODY_METHODS.has(m))) {
    responses[413] = errorResponse('The body is larger than the service accepts (PAYLOAD_TOO_LARGE)');
    responses[415] = errorResponse('The body has a content type the route does not read (FST_ERR_CTP_INVALID_MEDIA_TYPE)');
  }
  if (isRateLimitedRoute(route)) {
    responses[429] = {
      ...errorResponse('The key used up its requests for the window (RATE_LIMITED); details holds the limit'),
      headers: retryAfter('Seconds until the key may send again'),
    };
  }
  if (guarded) {
    responses[503] = {
      ...errorResponse(
        'A service Herald depends on (key verification, the database, the broker) is unavailable (DEPENDENCY_UNAVAILABLE); the request may be sent again',
      ),
      headers: retryAfter('Seconds to wait before sending the request again'),
    };
  }
  return responses;
}

/**
 * The `transform` of @fastify/swagger: the document's view of a route gets its security from the
 * route's config and the standard error answers, without touching the route itself (validation
 * and serialisation stay as the route declares them). A status the route documents itself keeps
 * the route's description. A route without a success response gets none made up (the lint asks
 * for one).
 */
export function documentRoute({ schema, url, route }: { schema: FastifySchema; url: string; route: RouteOptions }): { schema: FastifySchema; url: string } {
  if (!schema || schema.hide) return { schema, url };
  const own = (schema.response ?? {}) as Record<string, unknown>;
  return { url, schema: { ...schema, security: securityOf(route.url, route.config), response: { ...standardErrorResponses(route), ...own } } };
}
