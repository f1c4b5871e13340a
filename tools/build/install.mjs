#!/usr/bin/env node
// Runs as npm's `prepare`, so `npm ci` is the whole install: it generates the Prisma clients and
// API types and compiles every app (Nx, cached). Nx's own output is kept for a failure; a good
// run prints one line. With project names (`npm start` passes `herald`) it builds just those and
// prints nothing when all went well, so the command that follows speaks first.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const started = Date.now();
const nx = createRequire(import.meta.url).resolve('nx/bin/nx.js');
const projects = process.argv.slice(2);
const result = spawnSync(process.execPath, [nx, 'run-many', '-t', 'build', '--output-style=static', ...(projects.length ? ['-p', ...projects] : [])], {
  encoding: 'utf8',
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  maxBuffer: 64 * 1024 * 1024,
});
if (result.status !== 0) {
  process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
  console.error('herald: generating clients and building the apps failed (output above); run `npm run build` to try again.');
  process.exit(result.status ?? 1);
}
if (projects.length === 0) console.log(`herald: clients generated and apps built in ${((Date.now() - started) / 1000).toFixed(1)} s (apps/*/dist)`);
