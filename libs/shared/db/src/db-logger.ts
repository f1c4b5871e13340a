/** The slice of a pino logger this lib writes to; pino's child loggers fit as they are. */
export interface DbLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  debug(fields: Record<string, unknown>, message: string): void;
}

export const silentLogger: DbLogger = {
  info: () => undefined,
  warn: () => undefined,
  debug: () => undefined,
};
