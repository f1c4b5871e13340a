import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { env: { TZ: 'UTC' }, testTimeout: 120_000, hookTimeout: 120_000 },
});
