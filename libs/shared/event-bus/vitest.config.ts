import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Kafka tests join consumer groups and wait for rebalances: allow them time.
  test: { env: { TZ: 'UTC' }, testTimeout: 60_000, hookTimeout: 60_000 },
});
