import { defineConfig } from 'vitest/config';

export default defineConfig({
  // PGlite boots a whole PostgreSQL in WebAssembly (2-3 s per instance on a small machine).
  test: { env: { TZ: 'UTC' }, testTimeout: 60_000, hookTimeout: 60_000 },
});
