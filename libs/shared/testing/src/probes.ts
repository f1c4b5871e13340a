import { connect } from 'node:net';

import pg from 'pg';

const DEFAULT_TIMEOUT_MS = 2_000;

/** Resolves when PostgreSQL at `url` accepts a connection and answers `SELECT 1`. */
export async function probePostgres(url: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  // A failed connect emits 'error' as well as rejecting; without a listener it would crash the test process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Resolves when at least one broker accepts a TCP connection. A plain socket is enough to tell
 * "nothing listens here" from "a broker is up"; the Kafka protocol itself is the client's business.
 */
export async function probeKafka(brokers: string[], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  if (brokers.length === 0) throw new Error('no Kafka broker configured');
  const failures: string[] = [];
  for (const broker of brokers) {
    try {
      await probeTcp(broker, timeoutMs);
      return;
    } catch (error) {
      failures.push(`${broker}: ${(error as Error).message}`);
    }
  }
  throw new Error(failures.join('; '));
}

function probeTcp(hostPort: string, timeoutMs: number): Promise<void> {
  const separator = hostPort.lastIndexOf(':');
  const host = separator > 0 ? hostPort.slice(0, separator).replace(/^\[|\]$/g, '') : hostPort;
  const port = separator > 0 ? Number(hostPort.slice(separator + 1)) : 9092;
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.end();
      resolve();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
  });
}
