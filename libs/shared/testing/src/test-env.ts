export const DEFAULT_TEST_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/test';
export const DEFAULT_TEST_KAFKA_BROKERS = '127.0.0.1:9092';

/** The PostgreSQL server integration tests use (`HERALD_TEST_DATABASE_URL`). */
export function testPostgresUrl(): string {
  return process.env['HERALD_TEST_DATABASE_URL'] || DEFAULT_TEST_DATABASE_URL;
}

/** The Kafka brokers integration tests use (`KAFKA_BROKERS`, comma-separated `host:port`). */
export function testKafkaBrokers(): string[] {
  return (process.env['KAFKA_BROKERS'] || DEFAULT_TEST_KAFKA_BROKERS)
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}

/** Under CI a missing service is a failure, never a silent skip. */
export function isCi(): boolean {
  const ci = process.env['CI'];
  return ci === 'true' || ci === '1';
}
