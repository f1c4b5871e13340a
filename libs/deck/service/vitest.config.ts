import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Each suite boots an in-memory PGlite (a whole PostgreSQL in WebAssembly, 2-10 s on a busy two-core machine).
  // The limits only catch a hang: speed is measured in bench/, never asserted by a unit test.
  test: { env: { TZ: 'UTC' }, testTimeout: 120_000, hookTimeout: 120_000 },
});
