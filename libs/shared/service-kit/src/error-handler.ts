import type { FastifyError, FastifyInstance } from 'fastify';

import { AppError } from './app-error.ts';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** The one mapping from errors to HTTP answers: stable codes, and no internals in a 5xx. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (error.statusCode === 503 && typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
      return reply.status(error.statusCode).send(body(error.code, error.message, error.details));
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      const details = fe.validation.map((v) => ({
        field: `${fe.validationContext ?? 'body'}${v.instancePath || ''}`.replace(/\//g, '.') +
          (v.keyword === 'required' ? `.${(v.params as { missingProperty?: string }).missingProperty ?? ''}` : ''),
        message: v.message ?? 'is invalid',
      }));
      return reply.status(400).send(body('VALIDATION_FAILED', `Invalid request: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`, details));
    }
    // A dependency that could not answer (e.g. key verification when ingestion is down): retry later.
    const dependency = error as { code?: unknown; statusCode?: unknown; retryAfterSeconds?: unknown };
    if (dependency.statusCode === 503 && typeof dependency.code === 'string') {
      request.log.warn({ err: error }, 'a dependency is unavailable');
      void reply.header('retry-after', String(typeof dependency.retryAfterSeconds === 'number' ? dependency.retryAfterSeconds : 5));
      return reply.status(503).send(body(dependency.code, error.message));
    }
    const status = fe.statusCode ?? 500;
    if (status < 500) {
      const code = fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'PAYLOAD_TOO_LARGE' : fe.code ?? 'BAD_REQUEST';
      return reply.status(status).send(body(code, fe.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(body('INTERNAL', 'Internal error; see the service log for the request id ' + request.id));
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send(body('ROUTE_NOT_FOUND', `No route ${request.method} ${request.url}`)));
}

const body = (code: string, message: string, details?: unknown): ErrorBody => ({ error: { code, message, ...(details ? { details } : {}) } });
