import { Type } from 'typebox';

import type { ErrorBody } from '../error-handler.ts';

/** The name of the shared error body: a schema of the app, and `#/components/schemas/ErrorBody` in the documents. */
export const ERROR_BODY_ID = 'ErrorBody';

/** The body of every 4xx and 5xx answer (see the error handler): one shape for every service. */
export const ErrorBodySchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable code, e.g. VALIDATION_FAILED, AUTH_REQUIRED, NOT_FOUND, RATE_LIMITED, DEPENDENCY_UNAVAILABLE' }),
      message: Type.String({ description: 'What went wrong, for people' }),
      details: Type.Optional(Type.Unknown({ description: 'Machine-readable specifics: the fields at fault, the limit, …' })),
    }),
  },
  { $id: ERROR_BODY_ID, title: 'ErrorBody' },
);

/**
 * A documented error answer of a route: the shared error body, with what the status means there
 * (`404: errorResponse('No brand with this id in the workspace (NOT_FOUND)')`).
 */
export const errorResponse = (description: string) => Type.Unsafe<ErrorBody>({ $ref: ERROR_BODY_ID, description });
