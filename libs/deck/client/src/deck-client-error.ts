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
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

export function toDeckClientError(response: Response, body: unknown): DeckClientError {
  const error = (body as ErrorBody | undefined)?.error;
  const retryAfter = Number(response.headers.get('retry-after'));
  return new DeckClientError(
    response.status,
    error?.code ?? 'DECK_UNAVAILABLE',
    error?.message ?? `deck-builder answered ${response.status}`,
    error?.details,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}
