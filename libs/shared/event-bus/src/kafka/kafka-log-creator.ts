import { logLevel, type logCreator } from 'kafkajs';
import type { Logger } from 'pino';

/** kafkajs logs at the level the pino logger lets through, so it does not build messages nobody reads. */
export function kafkaLogLevelOf(logger: Logger): logLevel {
  const value = logger.levelVal;
  if (value <= 20) return logLevel.DEBUG;
  if (value <= 30) return logLevel.INFO;
  if (value <= 40) return logLevel.WARN;
  if (value <= 60) return logLevel.ERROR;
  return logLevel.NOTHING;
}

/** Sends kafkajs's own logs through the service's pino logger. */
export function pinoLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      // kafkajs adds its own timestamp and logger name; pino has both already.
      const { message, timestamp: _timestamp, logger: _name, ...fields } = log;
      const bound = { kafkajs: namespace, ...fields };
      switch (level) {
        case logLevel.ERROR:
          logger.error(bound, message);
          break;
        case logLevel.WARN:
          logger.warn(bound, message);
          break;
        case logLevel.INFO:
          logger.info(bound, message);
          break;
        default:
          logger.debug(bound, message);
      }
    };
}
