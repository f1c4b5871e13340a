import { defineConfig } from 'vitest/config';

// End-to-end suites start real service processes against one Kafka broker and one PostgreSQL:
// run them one file at a time, with time for processes to start.
export default defineConfig({
  test: { fileParallelism: false, testTimeout: 240_000, hookTimeout: 120_000, env: { TZ: 'UTC' } },
});
