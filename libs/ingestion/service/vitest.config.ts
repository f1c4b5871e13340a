import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Each suite boots an in-memory PGlite (a whole PostgreSQL in WebAssembly, 2-3 s on a small machine).
  test: { env: { TZ: 'UTC' }, testTimeout: 120_000, hookTimeout: 120_000 },
});
