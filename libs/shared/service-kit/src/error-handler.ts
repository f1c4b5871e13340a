import type { FastifyError, FastifyInstance } from 'fastify';

import { isTransientDatabaseError } from '@herald/db';
import { isTransientBusError } from '@herald/event-bus';

import { AppError } from './app-error.ts';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const RETRY_AFTER_SECONDS = 5;

/** The one mapping from errors to HTTP answers: stable codes, and no internals in a 5xx. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
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
    const status = fe.statusCode ?? 500;
    if (status < 500) {
      const code = fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'PAYLOAD_TOO_LARGE' : fe.code ?? 'BAD_REQUEST';
      return reply.status(status).send(body(code, fe.message));
    }
    // A dependency that is down is not a bug: the client is told to come back, and nothing was half-written.
    if (isTransientDatabaseError(error) || isTransientBusError(error)) {
      request.log.warn({ err: error }, 'a dependency is unavailable');
      return reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send(body('DEPENDENCY_UNAVAILABLE', 'A service this request needs is unavailable; retry later'));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(body('INTERNAL', 'Internal error; see the service log for the request id ' + request.id));
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send(body('ROUTE_NOT_FOUND', `No route ${request.method} ${request.url}`)));
}

const body = (code: string, message: string, details?: unknown): ErrorBody => ({ error: { code, message, ...(details ? { details } : {}) } });
