import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Kafka tests join consumer groups and wait for rebalances: allow them time.
  test: { env: { TZ: 'UTC' }, testTimeout: 120_000, hookTimeout: 120_000 },
});
