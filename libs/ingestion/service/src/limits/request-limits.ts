import type { FastifyError, FastifyInstance } from 'fastify';

import { AppError } from '@herald/service-kit';

export interface RequestLimits {
  /** Requests per minute and API key on /v1 routes. */
  rateLimitPerMinute: number;
  /** Largest JSON body (batch routes). */
  bodyLimitBytes: number;
  /** Largest file on POST /v1/imports. */
  uploadLimitBytes: number;
}

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * Names the limit in "too large" answers, which the framework reports without it. Set on the
 * context holding the API routes; whatever it rethrows goes on to the service kit's handler.
 */
export function explainSizeLimits(api: FastifyInstance, limits: Pick<RequestLimits, 'bodyLimitBytes' | 'uploadLimitBytes'>): void {
  api.setErrorHandler((error: FastifyError, _request, _reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than the ${megabytes(limits.bodyLimitBytes)} limit (BODY_LIMIT_MB); send fewer items per batch`,
        413,
        {
          limitBytes: limits.bodyLimitBytes,
        },
      );
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `The uploaded file is larger than the ${megabytes(limits.uploadLimitBytes)} limit (IMPORT_LIMIT_MB); split the export`,
        413,
        {
          limitBytes: limits.uploadLimitBytes,
        },
      );
    }
    if (error.code === 'FST_FILES_LIMIT' || error.code === 'FST_PARTS_LIMIT' || error.code === 'FST_FIELDS_LIMIT') {
      throw new AppError(
        'IMPORT_FORM_INVALID',
        `The form has too many parts (${error.message}): send one file and the fields format, mapping and timeZone`,
        400,
      );
    }
    throw error;
  });
}
