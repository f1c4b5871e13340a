import { probeKafka, probePostgres } from './probes.ts';
import { isCi, testKafkaBrokers, testPostgresUrl } from './test-env.ts';

export class ServiceUnavailableError extends Error {
  readonly code = 'TEST_SERVICE_UNAVAILABLE';
  constructor(service: string, reason: string) {
    super(`${service} is required (CI=true) but unreachable: ${reason}`);
    this.name = 'ServiceUnavailableError';
  }
}

/**
 * Whether an integration suite should run. Outside CI an unreachable service skips the suite with a
 * printed reason, so a laptop without Kafka can still run the rest; under `CI=true` it throws, so a
 * broken pipeline fails instead of passing green with nothing tested.
 *
 * @example
 * const pgUp = await requireService('PostgreSQL', () => probePostgres(testPostgresUrl()));
 * describe.runIf(pgUp)('post repository', () => { ... });
 */
export async function requireService(name: string, probe: () => Promise<void>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    if (isCi()) throw new ServiceUnavailableError(name, reason);
    console.warn(`[skip] ${name} unreachable (${reason}); its integration tests are skipped. Under CI=true they fail.`);
    return false;
  }
}

/** `requireService` for the test PostgreSQL server (`HERALD_TEST_DATABASE_URL`). */
export function requirePostgres(url = testPostgresUrl()): Promise<boolean> {
  return requireService(`PostgreSQL at ${redactUrl(url)}`, () => probePostgres(url));
}

/** `requireService` for the test Kafka brokers (`KAFKA_BROKERS`). */
export function requireKafka(brokers = testKafkaBrokers()): Promise<boolean> {
  return requireService(`Kafka at ${brokers.join(',')}`, () => probeKafka(brokers));
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
