import type { FastifyInstance } from 'fastify';

import type { Logger } from './logger.ts';

export interface RunServiceOptions {
  app: FastifyInstance;
  host: string;
  port: number;
  logger: Logger;
  /** Stops consuming, flushes the producer and closes the database, in that order. */
  shutdown(): Promise<void>;
  shutdownTimeoutMs?: number;
}

/** The process side of a service: listen, and leave cleanly on SIGTERM/SIGINT. */
export async function runService(options: RunServiceOptions): Promise<void> {
  const { app, logger } = options;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, options.shutdownTimeoutMs ?? 20_000);
    timer.unref();
    try {
      await app.close();
      await options.shutdown();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  await app.listen({ host: options.host, port: options.port });
}

/** A consumer that crashed for good must take the process down, never leave it half alive. */
export function exitOnFatal(logger: Logger): (error: Error) => void {
  return (error) => {
    logger.fatal({ err: error }, 'consumer crashed; exiting');
    process.exit(1);
  };
}
