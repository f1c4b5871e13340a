/** A failed call to a Herald API: the HTTP status (0 when nothing answered) and the error body's fields. */
export interface ApiFailure {
  status: number;
  code: string;
  message: string;
  details?: unknown;
  /** Seconds to wait before sending again (Retry-After on 429 and 503 answers). */
  retryAfterSeconds?: number;
}

/** The service a client talks to, as its failures name it. */
export interface ApiService {
  /** As in messages: "deck-builder answered 502". */
  name: string;
  /** The code of a failure whose body has none, and of no answer at all. */
  unavailableCode: string;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

/** Reads an error answer: every Herald API sends `{ error: { code, message, details } }` (service-kit's error handler). */
export function readApiFailure(response: Response, body: unknown, service: ApiService): ApiFailure {
  const error = (body as ErrorBody | undefined)?.error;
  const retryAfter = Number(response.headers.get('retry-after'));
  return {
    status: response.status,
    code: error?.code ?? service.unavailableCode,
    message: error?.message ?? `${service.name} answered ${response.status}`,
    details: error?.details,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  };
}

/**
 * Sends one openapi-fetch request and returns its data; a failed answer, or none (the service
 * cannot be reached), is thrown as the client's own error, built from the failure.
 */
export async function callApi<T>(
  send: () => Promise<{ data?: T; error?: unknown; response: Response }>,
  service: ApiService,
  toError: (failure: ApiFailure) => Error,
): Promise<T> {
  let result;
  try {
    result = await send();
  } catch (error) {
    throw toError({ status: 0, code: service.unavailableCode, message: `${service.name} cannot be reached (${(error as Error).message})` });
  }
  if (result.data !== undefined) return result.data;
  throw toError(readApiFailure(result.response, result.error, service));
}
