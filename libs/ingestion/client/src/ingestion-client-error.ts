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

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

export function toClientError(response: Response, body: unknown): IngestionClientError {
  const error = (body as ErrorBody | undefined)?.error;
  const retryAfter = Number(response.headers.get('retry-after'));
  return new IngestionClientError(
    response.status,
    error?.code ?? 'INGESTION_UNAVAILABLE',
    error?.message ?? `ingestion answered ${response.status}`,
    error?.details,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}
