import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/** One pino logger per process; children carry the service, request and message context. */
export function createLogger(options: { name: string; level?: string; destination?: pino.DestinationStream }): Logger {
  const config: LoggerOptions = {
    name: options.name,
    level: options.level ?? 'info',
    redact: {
      paths: ['req.headers.authorization', 'req.headers["x-api-key"]', '*.apiKey', '*.password', '*.email', 'email', 'apiKey'],
      censor: '[redacted]',
    },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}
