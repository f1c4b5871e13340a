import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Loading natural's vocabularies takes seconds, more on a busy machine.
  // The limits only catch a hang: speed is measured in bench/, never asserted by a unit test.
  test: { env: { TZ: 'UTC' }, testTimeout: 120_000, hookTimeout: 120_000 },
});
