import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
export const REDACTED = '[redacted]';

/** Email addresses inside any logged text (messages, error texts, mention bodies) become `[redacted]`. */
export function redactEmails<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return value.replace(EMAIL, REDACTED) as T;
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const copy = { type: value.name, message: redactEmails(value.message), stack: value.stack ? redactEmails(value.stack) : undefined };
    return { ...copy, ...redactEmails({ ...value }, depth + 1) } as T;
  }
  if (Array.isArray(value)) return value.map((v) => redactEmails(v, depth + 1)) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactEmails(v, depth + 1)])) as T;
}

/** One pino logger per process; children carry the service, request and message context. Keys and emails never reach the log. */
export function createLogger(options: { name: string; level?: string; destination?: pino.DestinationStream }): Logger {
  const config: LoggerOptions = {
    name: options.name,
    level: options.level ?? 'info',
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["x-api-key"]',
        'headers.authorization',
        'headers["x-api-key"]',
        '*.headers.authorization',
        '*.headers["x-api-key"]',
        '*.apiKey',
        '*.key',
        '*.password',
        '*.email',
        'email',
        'apiKey',
        'key',
      ],
      censor: REDACTED,
    },
    formatters: { log: (object) => redactEmails(object) },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? a.replace(EMAIL, REDACTED) : a)) as Parameters<typeof method>);
      },
    },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}
