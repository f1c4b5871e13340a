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

/**
 * Warnings about choices made on purpose, logged at debug instead. Retries of the idempotent
 * producer are bounded so that publish fails instead of hanging while the broker is away; a
 * publish retried by its caller may then write an event twice, which consumers absorb (an
 * event keeps its id and handlers are idempotent).
 */
const DELIBERATE = new Set(['Limiting retries for the idempotent producer may invalidate EoS guarantees']);

/**
 * Broker answers kafkajs logs as errors although they are the protocol working as designed: a
 * rebalance tells every member to rejoin through its heartbeat. Kept at info, so real errors stand out.
 */
const ROUTINE_ERRORS = /group is rebalancing|rebalance in progress|not the correct coordinator/i;

/**
 * Answers of a broker that is starting or electing leaders. kafkajs logs them as errors (its
 * consumer even logs a "Crash") before it or our subscribe tries again, which is the outage
 * handled as designed: a warning. What stays broken ends as our own error, logged once.
 */
const WARMING_UP =
  /coordinator is loading|coordinator is not available|not the leader for that topic-partition|leader not available|There is no leader for this topic-partition/i;

/** Sends kafkajs's own logs through the service's pino logger. */
export function pinoLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      // kafkajs adds its own timestamp and logger name; pino has both already.
      const { message, timestamp: _timestamp, logger: _name, ...fields } = log;
      const bound = { kafkajs: namespace, ...fields };
      switch (level) {
        case logLevel.ERROR:
          if (ROUTINE_ERRORS.test(String(fields.error ?? ''))) logger.info(bound, message);
          else if (WARMING_UP.test(`${String(fields.error ?? '')} ${message}`)) logger.warn(bound, message);
          else logger.error(bound, message);
          break;
        case logLevel.WARN:
          if (DELIBERATE.has(message)) logger.debug(bound, message);
          else logger.warn(bound, message);
          break;
        case logLevel.INFO:
          logger.info(bound, message);
          break;
        default:
          logger.debug(bound, message);
      }
    };
}
