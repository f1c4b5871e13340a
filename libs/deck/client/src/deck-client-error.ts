import type { ApiFailure, ApiService } from '@herald/api-client';

/** An answer other than success from the deck-builder API (or none at all), with the API's stable code. */
export class DeckClientError extends Error {
  constructor(
    /** The HTTP status; 0 when deck-builder could not be reached. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds to wait before sending again (429 and 503 answers). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DeckClientError';
  }

  static from(failure: ApiFailure): DeckClientError {
    return new DeckClientError(failure.status, failure.code, failure.message, failure.details, failure.retryAfterSeconds);
  }
}

export const DECK_SERVICE: ApiService = { name: 'deck-builder', unavailableCode: 'DECK_UNAVAILABLE' };
