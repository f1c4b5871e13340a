import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Pure functions; the defaults of a loaded two-core CI machine apply.
  // The limits only catch a hang: speed is measured in bench/, never asserted by a unit test.
  test: { env: { TZ: 'UTC' }, testTimeout: 120_000, hookTimeout: 120_000 },
});
