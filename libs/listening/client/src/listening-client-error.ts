import type { ApiFailure, ApiService } from '@herald/api-client';

/** An answer other than success from the listening API (or none at all), with the API's stable code. */
export class ListeningClientError extends Error {
  constructor(
    /** The HTTP status; 0 when listening could not be reached. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds to wait before sending again (429 and 503 answers). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ListeningClientError';
  }

  static from(failure: ApiFailure): ListeningClientError {
    return new ListeningClientError(failure.status, failure.code, failure.message, failure.details, failure.retryAfterSeconds);
  }
}

export const LISTENING_SERVICE: ApiService = { name: 'listening', unavailableCode: 'LISTENING_UNAVAILABLE' };
