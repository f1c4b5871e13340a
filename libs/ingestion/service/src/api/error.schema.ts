import { Type } from 'typebox';

/** The body of every 4xx and 5xx answer (see the service kit's error handler). */
export const ErrorBodySchema = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'Stable code, e.g. BATCH_REJECTED, PAYLOAD_TOO_LARGE, RATE_LIMITED, IMPORT_MALFORMED' }),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
});

/** Answers every authenticated route may give besides its own. */
export const commonErrorResponses = {
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  413: ErrorBodySchema,
  429: ErrorBodySchema,
};
