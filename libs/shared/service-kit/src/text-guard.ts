import type { FastifyInstance } from 'fastify';

import { AppError } from './app-error.ts';

/** Where a bad string was found (`body.items.3.text`, `query.from`, `params.id`) and what is wrong with it. */
export interface TextIssue {
  field: string;
  message: string;
}

// Nesting deeper than this is not walked further; no Herald route takes anything close to it.
const MAX_DEPTH = 64;
// NUL, a high surrogate without its low half, or a low surrogate without its high half.
// eslint-disable-next-line no-control-regex -- finding the NUL character is the point
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What PostgreSQL cannot store as text or in a JSON document: the NUL character (22P05, 22021)
 * and a lone UTF-16 surrogate, which has no UTF-8 form. Returns the first such issue, or null.
 */
export function findBadText(value: unknown, path: string, depth = 0): TextIssue | null {
  if (typeof value === 'string') {
    const bad = BAD_TEXT.exec(value);
    if (!bad) return null;
    return bad[0] === '\u0000'
      ? { field: path, message: 'must not contain the NUL character (U+0000)' }
      : { field: path, message: 'must not contain a lone UTF-16 surrogate (text that is not valid Unicode)' };
  }
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const issue = findBadText(value[i], `${path}.${i}`, depth + 1);
      if (issue) return issue;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    // eslint-disable-next-line no-control-regex -- the name shown must not carry the bad character itself
    const keyIssue = findBadText(key, `${path}.${key.replace(/[\u0000\uD800-\uDFFF]/g, '\uFFFD')}`, depth + 1);
    if (keyIssue) return { ...keyIssue, message: `is a field name that ${keyIssue.message}` };
    const issue = findBadText((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
    if (issue) return issue;
  }
  return null;
}

/**
 * Refuses, before any route sees it, a request whose query, path parameters or JSON body holds
 * text PostgreSQL cannot store: a 400 TEXT_INVALID naming the field, instead of a database
 * error (a 500) deep inside the handler. One rule for every route of every service; streamed
 * bodies (CSV uploads) are checked where they are parsed.
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const issue = findBadText(request.params, 'params') ?? findBadText(request.query, 'query') ?? findBadText(request.body, 'body');
    if (issue) throw new AppError('TEXT_INVALID', `Invalid request: ${issue.field} ${issue.message}`, 400, [issue]);
  });
}

/**
 * After validation: a query number the schema coerced from "Infinity", "-Infinity" or "1e309" is
 * not finite, which the integer check lets through and the database refuses. A 400 naming it.
 */
export function registerFiniteQueryGuard(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const query = request.query;
    if (typeof query !== 'object' || query === null) return;
    for (const [key, value] of Object.entries(query)) {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        const issue = { field: `query.${key}`, message: 'must be a finite number' };
        throw new AppError('VALIDATION_FAILED', `Invalid request: ${issue.field} ${issue.message}`, 400, [issue]);
      }
    }
  });
}
