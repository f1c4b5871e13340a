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
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

export function toListeningClientError(response: Response, body: unknown): ListeningClientError {
  const error = (body as ErrorBody | undefined)?.error;
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ListeningClientError(
    response.status,
    error?.code ?? 'LISTENING_UNAVAILABLE',
    error?.message ?? `listening answered ${response.status}`,
    error?.details,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}
