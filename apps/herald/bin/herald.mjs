#!/usr/bin/env node
// The herald command runs the compiled CLI (apps/herald/dist, built by `npm ci` or `npm run build`).
process.env.DOTENV_CONFIG_QUIET ??= 'true';
process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
const cli = new URL('../dist/cli.mjs', import.meta.url);
try {
  await import(cli.href);
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(cli.pathname)) {
    console.error('herald is not built yet: run `npm run build` (or `npm ci`) in the Herald folder.');
    process.exit(1);
  }
  throw error;
}
