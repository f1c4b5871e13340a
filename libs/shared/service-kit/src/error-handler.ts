import type { FastifyError, FastifyInstance } from 'fastify';

import { isTransientDatabaseError } from '@herald/db';
import { isBusClosedError, isTransientBusError } from '@herald/event-bus';

import { AppError } from './app-error.ts';

/** Seconds a client is told to wait (Retry-After) when a dependency is down. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The error and what it wraps: its `cause` chain and, for Prisma's known request errors, the
 * driver adapter's error kept in `meta.driverAdapterError` (where the PostgreSQL SQLSTATE is).
 */
function* chainOf(error: unknown, depth = 0): Generator<object> {
  if (!error || typeof error !== 'object' || depth > 6) return;
  yield error;
  const { cause, meta } = error as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
  yield* chainOf(cause, depth + 1);
  yield* chainOf(meta?.driverAdapterError, depth + 1);
}

/** A dependency (database, broker, another service) is down or overloaded: the request may succeed later. */
export function isDependencyDown(error: unknown): boolean {
  // A closed bus means the process is stopping: another replica (or its restart) will answer.
  if (isTransientBusError(error) || isBusClosedError(error)) return true;
  for (const e of chainOf(error)) {
    if (isTransientDatabaseError(e)) return true;
  }
  return false;
}

/**
 * The PostgreSQL SQLSTATE of a data exception (class 22: bad UTF-8 or NUL in text 22021/22P05,
 * bad syntax for a type 22P02, a date or number out of range 22008/22003, …), walking the
 * driver adapter's cause chain. Such an error comes from the request's data, never from the server.
 */
export function dataExceptionCodeOf(error: unknown): string | null {
  for (const e of chainOf(error)) {
    const { code, originalCode } = e as { code?: unknown; originalCode?: unknown };
    for (const c of [originalCode, code]) if (typeof c === 'string' && /^22[0-9A-Z]{3}$/.test(c)) return c;
  }
  return null;
}

interface ValidationIssue {
  keyword: string;
  instancePath?: string;
  params?: Record<string, unknown>;
  message?: string;
}

/**
 * Ajv's errors as one detail per field. A union of literals (an enum written as anyOf of consts)
 * fails once per choice; those become a single "must be one of …" naming the choices.
 */
export function validationDetails(issues: readonly ValidationIssue[], validationContext: string): { field: string; message: string }[] {
  // Fields are named as the routes' own checks name them: query.from, body.metric, params.id.
  const context = validationContext === 'querystring' ? 'query' : validationContext;
  const fieldOf = (v: ValidationIssue) =>
    `${context}${v.instancePath || ''}`.replace(/\//g, '.') + (v.keyword === 'required' ? `.${(v.params?.missingProperty as string | undefined) ?? ''}` : '');
  const byField = new Map<string, ValidationIssue[]>();
  for (const v of issues) byField.set(fieldOf(v), [...(byField.get(fieldOf(v)) ?? []), v]);
  return [...byField].flatMap(([field, list]) => {
    const choices = list.filter((v) => v.keyword === 'const').map((v) => String(v.params?.allowedValue));
    if (choices.length > 0 && list.every((v) => v.keyword === 'const' || v.keyword === 'anyOf')) {
      return [{ field, message: `must be one of ${choices.join(', ')}` }];
    }
    return list.map((v) => ({ field, message: v.message ?? 'is invalid' }));
  });
}

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
      const details = validationDetails(fe.validation, fe.validationContext ?? 'body');
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
      const code = fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'PAYLOAD_TOO_LARGE' : (fe.code ?? 'BAD_REQUEST');
      return reply.status(status).send(body(code, fe.message));
    }
    if (isDependencyDown(error)) {
      request.log.warn({ err: error }, 'a dependency is down; answered 503');
      return reply
        .status(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send(body('DEPENDENCY_UNAVAILABLE', `A service Herald depends on is unavailable; retry in ${RETRY_AFTER_SECONDS} seconds`));
    }
    const sqlState = dataExceptionCodeOf(error);
    if (sqlState) {
      // A guard before the database should have named the field; this keeps the answer a 4xx meanwhile.
      request.log.warn({ err: error, sqlState }, 'the database refused a value of the request');
      return reply.status(400).send(body('INPUT_INVALID', `The request holds a value the database cannot store (SQLSTATE ${sqlState})`));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(body('INTERNAL', 'Internal error; see the service log for the request id ' + request.id));
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send(body('ROUTE_NOT_FOUND', `No route ${request.method} ${request.url}`)));
}

const body = (code: string, message: string, details?: unknown): ErrorBody => ({ error: { code, message, ...(details ? { details } : {}) } });
