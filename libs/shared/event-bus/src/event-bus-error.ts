export type EventBusErrorCode =
  | 'EVENT_BUS_CONFIG_INVALID'
  | 'EVENT_BUS_UNREACHABLE'
  | 'EVENT_BUS_UNKNOWN_TOPIC'
  | 'EVENT_BUS_PUBLISH_FAILED'
  | 'EVENT_BUS_SUBSCRIBE_FAILED'
  | 'EVENT_BUS_CONSUMER_CRASHED'
  | 'EVENT_BUS_DRAIN_TIMEOUT'
  | 'EVENT_BUS_TOPICS_NOT_READY'
  | 'EVENT_BUS_CLOSED';

const NOT_RETRIABLE: ReadonlySet<EventBusErrorCode> = new Set(['EVENT_BUS_CONFIG_INVALID', 'EVENT_BUS_UNKNOWN_TOPIC', 'EVENT_BUS_CLOSED']);

/** A failure of the bus itself (not of a handler), with a stable code that survives logs and hops. */
export class EventBusError extends Error {
  readonly retriable: boolean;
  constructor(
    readonly code: EventBusErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EventBusError';
    this.retriable = !NOT_RETRIABLE.has(code);
  }
}

export const toError = (value: unknown): Error => (value instanceof Error ? value : new Error(String(value)));

/** Handlers and libraries mark errors that a retry cannot fix with `retriable: false`. */
export const isRetriable = (error: Error): boolean => (error as { retriable?: unknown }).retriable !== false;

export function errorCodeOf(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.length > 0 ? code : 'HANDLER_FAILED';
}

/**
 * The broker is down, electing leaders or still loading: what failed passes once it is back. The
 * one list both consumers (wait the outage out) and HTTP routes (503 with Retry-After) go by.
 */
const TRANSIENT: ReadonlySet<string> = new Set<EventBusErrorCode>([
  'EVENT_BUS_UNREACHABLE',
  'EVENT_BUS_PUBLISH_FAILED',
  'EVENT_BUS_DRAIN_TIMEOUT',
  'EVENT_BUS_TOPICS_NOT_READY',
]);

/** The codes of the bus errors in an error's cause chain (a handler or route may wrap the bus error). */
function* busErrorCodesOf(error: unknown): Generator<string> {
  for (let e = error, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++) {
    if (e instanceof EventBusError || (e as { name?: unknown }).name === 'EventBusError') yield String((e as { code?: unknown }).code);
  }
}

/**
 * True when something failed because the broker could not take or give what was asked (see
 * TRANSIENT): the event or request is not at fault.
 */
export function isTransientBusError(error: unknown): boolean {
  for (const code of busErrorCodesOf(error)) if (TRANSIENT.has(code)) return true;
  return false;
}

/** True when the bus was closed under the caller: the process is stopping. */
export function isBusClosedError(error: unknown): boolean {
  for (const code of busErrorCodesOf(error)) if (code === 'EVENT_BUS_CLOSED') return true;
  return false;
}
