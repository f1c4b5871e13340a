import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyInstance } from 'fastify';

import { AppError, type ServiceApp } from '@herald/service-kit';

export interface RequestLimits {
  /** Requests per minute and workspace on /v1 routes. */
  rateLimitPerMinute: number;
  /** Largest JSON body (batch routes). */
  bodyLimitBytes: number;
  /** Largest file on POST /v1/imports. */
  uploadLimitBytes: number;
}

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * A per-workspace request budget. Registered after the API key hook, whose onRequest hook runs
 * first (the limiter's hooks are route-level), so the budget is keyed by the key's workspace and
 * every client behind one proxy address is not lumped together.
 */
export async function registerRateLimit(app: ServiceApp, limits: Pick<RequestLimits, 'rateLimitPerMinute'>): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: limits.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.workspaceId || request.ip,
    allowList: (request) => !request.url.startsWith('/v1/'),
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', `More than ${context.max} requests per minute for this workspace; retry in ${context.after}`, 429, {
        limitPerMinute: context.max,
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
}

/**
 * Names the limit in "too large" answers, which the framework reports without it. Set on the
 * context holding the API routes; whatever it rethrows goes on to the service kit's handler.
 */
export function explainSizeLimits(api: FastifyInstance, limits: Pick<RequestLimits, 'bodyLimitBytes' | 'uploadLimitBytes'>): void {
  api.setErrorHandler((error: FastifyError, _request, _reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than the ${megabytes(limits.bodyLimitBytes)} limit (BODY_LIMIT_MB); send fewer items per batch`, 413, {
        limitBytes: limits.bodyLimitBytes,
      });
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', `The uploaded file is larger than the ${megabytes(limits.uploadLimitBytes)} limit (IMPORT_LIMIT_MB); split the export`, 413, {
        limitBytes: limits.uploadLimitBytes,
      });
    }
    if (error.code === 'FST_FILES_LIMIT' || error.code === 'FST_PARTS_LIMIT' || error.code === 'FST_FIELDS_LIMIT') {
      throw new AppError('IMPORT_FORM_INVALID', `The form has too many parts (${error.message}): send one file and the fields format, mapping and timeZone`, 400);
    }
    throw error;
  });
}
