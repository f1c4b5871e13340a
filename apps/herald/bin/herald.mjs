#!/usr/bin/env node
// The herald command runs the TypeScript sources through tsx, so a fresh clone needs no build step.
process.env.DOTENV_CONFIG_QUIET ??= 'true';
process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';
const { register } = await import('tsx/esm/api');
register();
await import('../src/cli.ts');
