import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The browser tests start Chromium; on a busy two-core machine that alone can take tens of seconds.
  // The limits only catch a hang: speed is measured in bench/, never asserted by a unit test.
  test: { env: { TZ: 'UTC' }, testTimeout: 120_000, hookTimeout: 120_000 },
});
