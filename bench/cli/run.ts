/**
 * How fast the herald command answers, as a newcomer meets it: `herald --help`, `herald analytics
 * summary` on an existing embedded store, and `npm start` until it is ready: first start (a fresh
 * store) and after. Medians of several runs. `--source` runs the same commands from the TypeScript
 * sources through tsx, as the CLI ran before it was compiled, for the before/after comparison.
 *
 *   npx tsx bench/cli/run.ts [--runs 5] [--source]
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, source: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const herald = values.source ? ['--import', 'tsx', 'apps/herald/src/cli.ts'] : ['apps/herald/bin/herald.mjs'];
const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', DOTENV_CONFIG_QUIET: 'true', KAFKAJS_NO_PARTITIONER_WARNING: '1' };
delete env.HERALD_API_KEY;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const tempDir = () => mkdtempSync(join(tmpdir(), 'herald-cli-bench-'));

/** Wall time of one command, which must exit 0. */
function timeCommand(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [...herald, ...args], { cwd: repoRoot, env, encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`herald ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return elapsed;
}

/** Starts herald (or `npm start`) on a data dir; resolves with the wall time until it printed "ready", then stops it. */
function timeStart(dataDir: string, viaNpm: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const [command, args] = viaNpm
      ? ['npm', ['start', '--silent', '--', '--port', '0']]
      : [process.execPath, [...herald, '--data-dir', dataDir, 'start', '--port', '0']];
    const child = spawn(command, args, { cwd: repoRoot, env: { ...env, HERALD_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/ready in [\d.]+ s/.test(output)) {
        const elapsed = performance.now() - started;
        child.once('exit', () => resolve(elapsed));
        process.kill(-child.pid!, 'SIGINT');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      if (!/ready in/.test(output)) reject(new Error(`herald start exited ${code} before it was ready:\n${output}`));
    });
  });
}

const rows: [string, number[]][] = [];
const measure = async (name: string, once: () => number | Promise<number>) => {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  rows.push([name, samples]);
  console.error(`${name}: median ${seconds(median(samples))} (${samples.map(seconds).join(', ')})`);
};

const period = ['--from', '2026-11-01', '--to', '2026-12-01'];
await measure('herald --help', () => timeCommand(['--help']));

const existing = tempDir();
await timeStart(existing, false); // loads the sample data once
await measure('herald analytics summary, existing store', () => timeCommand(['--data-dir', existing, 'analytics', 'summary', ...period]));
// A store nobody started is refused now ("no herald data" and a hint), so the fresh-store case is
// the first `herald start` below, which creates the store, migrates it and loads the sample data.

if (!values.source) {
  const dirs: string[] = [];
  await measure('npm start until ready, first start (sample data loaded)', async () => {
    const dir = tempDir();
    dirs.push(dir);
    return timeStart(dir, true);
  });
  await measure('npm start until ready, again on the same data', () => timeStart(dirs[0]!, true));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
} else {
  await measure('herald start until ready, first start (sample data loaded)', () => timeStart(tempDir(), false));
}
rmSync(existing, { recursive: true, force: true });

console.log(
  `\n${values.source ? 'From the sources (tsx)' : 'Compiled (apps/herald/dist)'}, ${runs} runs each, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
);
console.log('| command | median | runs |');
console.log('|---|---|---|');
for (const [name, samples] of rows) console.log(`| ${name} | ${seconds(median(samples))} | ${samples.map(seconds).join(', ')} |`);
