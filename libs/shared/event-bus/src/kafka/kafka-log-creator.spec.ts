import { logLevel } from 'kafkajs';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';

import { kafkaLogLevelOf, pinoLogCreator } from './kafka-log-creator.ts';

function capture(level: pino.LevelWithSilent) {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

const entry = (level: logLevel, message: string, extra: Record<string, unknown> = {}) => ({
  namespace: 'Consumer',
  level,
  label: logLevel[level],
  log: { timestamp: '2026-01-05T09:00:00.000Z', logger: 'kafkajs', message, ...extra },
});

describe('pinoLogCreator', () => {
  it('logs kafkajs entries through pino at the matching level, with their fields', () => {
    const { logger, lines } = capture('debug');
    const log = pinoLogCreator(logger)(logLevel.DEBUG);
    log(entry(logLevel.ERROR, 'Crash: KafkaJSNumberOfRetriesExceeded', { groupId: 'g1' }));
    log(entry(logLevel.INFO, 'Consumer has joined the group'));

    expect(lines).toEqual([
      expect.objectContaining({ level: 50, msg: 'Crash: KafkaJSNumberOfRetriesExceeded', kafkajs: 'Consumer', groupId: 'g1' }),
      expect.objectContaining({ level: 30, msg: 'Consumer has joined the group' }),
    ]);
    expect(lines[0]).not.toHaveProperty('logger');
  });

  it('keeps the warning about bounded producer retries out of the warnings', () => {
    const { logger, lines } = capture('warn');
    pinoLogCreator(logger)(logLevel.WARN)(entry(logLevel.WARN, 'Limiting retries for the idempotent producer may invalidate EoS guarantees'));
    expect(lines).toEqual([]);
  });

  it('logs a rebalance answered to a heartbeat as info, and other broker errors as errors', () => {
    const { logger, lines } = capture('info');
    const log = pinoLogCreator(logger)(logLevel.ERROR);
    log({
      ...entry(logLevel.ERROR, 'Response Heartbeat(key: 12, version: 3)'),
      log: { ...entry(logLevel.ERROR, 'Response Heartbeat(key: 12, version: 3)').log, error: 'The group is rebalancing, so a rejoin is needed' },
    });
    log({ ...entry(logLevel.ERROR, 'Response Produce'), log: { ...entry(logLevel.ERROR, 'Response Produce').log, error: 'The request timed out' } });
    expect(lines.map((l) => l.level)).toEqual([30, 50]);
  });

  it('logs a broker still loading its groups or electing leaders as a warning, since it is retried', () => {
    const { logger, lines } = capture('info');
    const log = pinoLogCreator(logger)(logLevel.ERROR);
    log(entry(logLevel.ERROR, "Crash: KafkaJSProtocolError: The coordinator is loading and hence can't process requests for this group"));
    log({
      ...entry(logLevel.ERROR, 'Response ListOffsets(key: 2, version: 3)'),
      log: { ...entry(logLevel.ERROR, 'Response ListOffsets').log, error: 'This server is not the leader for that topic-partition' },
    });
    log(entry(logLevel.ERROR, 'Crash: KafkaJSNonRetriableError: Invalid credentials'));
    expect(lines.map((l) => l.level)).toEqual([40, 40, 50]);
  });
});

describe('kafkaLogLevelOf', () => {
  it('follows the pino level', () => {
    expect(kafkaLogLevelOf(pino({ level: 'debug' }))).toBe(logLevel.DEBUG);
    expect(kafkaLogLevelOf(pino({ level: 'info' }))).toBe(logLevel.INFO);
    expect(kafkaLogLevelOf(pino({ level: 'warn' }))).toBe(logLevel.WARN);
    expect(kafkaLogLevelOf(pino({ level: 'fatal' }))).toBe(logLevel.ERROR);
    expect(kafkaLogLevelOf(pino({ level: 'silent' }))).toBe(logLevel.NOTHING);
  });
});
