import { readApiFailure } from '@herald/api-client';

/** An answer other than success from the ingestion API, with the API's stable code. */
export class IngestionClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds to wait before sending again (429 answers). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'IngestionClientError';
  }
}

export function toClientError(response: Response, body: unknown): IngestionClientError {
  const failure = readApiFailure(response, body, { name: 'ingestion', unavailableCode: 'INGESTION_UNAVAILABLE' });
  return new IngestionClientError(failure.status, failure.code, failure.message, failure.details, failure.retryAfterSeconds);
}
