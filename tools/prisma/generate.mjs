#!/usr/bin/env node
// Usage: node tools/prisma/generate.mjs <path/to/schema.prisma>
//
// Runs `prisma generate` for one data-access lib. The Prisma CLI tries to download its native schema
// engine even for `generate`, which never runs it; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing
// file skips the download, so generation works offline. A value you set yourself is kept.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [schemaArg] = process.argv.slice(2);
if (!schemaArg) {
  console.error('Usage: node tools/prisma/generate.mjs <path/to/schema.prisma>');
  process.exit(2);
}
const schemaPath = resolve(schemaArg);
if (!existsSync(schemaPath)) {
  console.error(`No Prisma schema at ${schemaPath}`);
  process.exit(2);
}

// The lib folder (holding prisma.config.ts) is the parent of the folder holding schema.prisma.
const libDir = dirname(dirname(schemaPath));
const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(import.meta.url);
}
env.CHECKPOINT_DISABLE ??= '1';
env.PRISMA_HIDE_UPDATE_MESSAGE ??= '1';

const result = spawnSync(process.execPath, [cli, 'generate', '--schema', schemaPath], {
  cwd: existsSync(resolve(libDir, 'prisma.config.ts')) ? libDir : process.cwd(),
  env,
  stdio: 'inherit',
});
if (result.error) {
  console.error(result.error.message);
  process.exit(1);
}
process.exit(result.status ?? 1);
