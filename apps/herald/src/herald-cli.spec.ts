import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/herald.mjs', import.meta.url));
const recordModules = fileURLToPath(new URL('./testing/record-modules.mjs', import.meta.url));
const env = { ...process.env, DOTENV_CONFIG_QUIET: 'true', HERALD_API_KEY: '' };

function herald(args: string[], dataDir: string) {
  return spawnSync(process.execPath, [bin, '--data-dir', dataDir, ...args], { env, encoding: 'utf8', timeout: 120_000 });
}

/** Runs `herald start` until it has printed the deck line, and keeps it running. */
function startHerald(dataDir: string) {
  const child = spawn(process.execPath, [bin, '--data-dir', dataDir, 'start', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/^ready in /m.test(output)) resolve(output);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`herald start exited with ${code}:\n${output}`)));
  });
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return { ready, stop };
}

const urlOf = (output: string, name: string) => new RegExp(`^${name}\\s+(http://\\S+)`, 'm').exec(output)?.[1];
const keyOf = (output: string) => /^api key\s+(hk_\S+)/m.exec(output)?.[1];

describe('herald without a running herald: help, usage and file errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'herald-cli-plain-'));
  const dataDir = join(dir, 'data');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers --help without loading a service, a lib or their dependencies', () => {
    const log = join(dir, 'modules.log');
    const res = spawnSync(process.execPath, ['--import', recordModules, bin, '--help'], {
      env: { ...env, HERALD_MODULE_LOG: log },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^Usage: herald/);
    const urls = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))];
    // The hook saw the CLI load: the assertion below is about something that ran.
    // (The bin runs the compiled CLI: the libs are bundled into it, so what betrays a service
    // loaded is the packages they use, which stay in node_modules.)
    expect(urls.some((u) => u.endsWith('/apps/herald/dist/cli.mjs'))).toBe(true);
    expect(urls.some((u) => u.includes('/node_modules/commander/'))).toBe(true);
    const heavy = urls.filter((u) =>
      /\/libs\/|\/apps\/herald\/src\/(commands|embedded\/(?!data-dir\.ts))|\/node_modules\/(fastify|@fastify|@prisma|\.prisma|@electric-sql|kafkajs|natural|pino|@herald|typebox|openapi-fetch|pg|csv-parse|franc)\//.test(
        u,
      ),
    );
    expect(heavy).toEqual([]);
  });

  it('exits 2 with a plain message for a missing file, no stack trace', () => {
    const res = herald(['import', '--file', join(dir, 'nope.csv')], dataDir);
    expect(res.status).toBe(2);
    expect(res.stderr).toBe(`herald: --file ${join(dir, 'nope.csv')}: no such file\n`);
    expect(res.stdout).toBe('');
  });

  it('exits 2 for a .json file without --kind, naming the kinds and the JSON shapes it takes', () => {
    const file = join(dir, 'posts.json');
    writeFileSync(file, '[{"network":"x"}]');
    const res = herald(['import', '--file', file], dataDir);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain(`herald: ${file} is JSON, not a CSV export: say what its items are with --kind posts|metrics|followers|mentions\n`);
    expect(res.stderr).toMatch(/hint: .*reads JSON Lines \(one item per line\) or one JSON array of items/);
    expect(existsSync(dataDir)).toBe(false); // refused before any herald started
  });

  it('exits 1 for analytics summary in a folder where herald never ran, instead of reporting zeros', () => {
    const res = herald(['analytics', 'summary', '--from', '2026-01-01', '--to', '2026-02-01'], dataDir);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(new RegExp(`^herald: no herald data in ${dataDir}\n {2}hint: \`herald start\` creates it`));
    expect(res.stdout).toBe('');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('exits 2 for an unknown option or a bad value, with one line and where to look', () => {
    const res = herald(['keys', 'create', '--workspace', 'w', '--scope', 'root'], dataDir);
    expect(res.status).toBe(2);
    expect(res.stderr).toBe(
      "error: option '--scope <scopes>' argument 'root' is invalid. --scope takes a comma-separated list of ingest, read, admin, operator (got root)\n(herald --help lists the commands; herald <command> --help their options)\n",
    );
  });
});

describe('herald start and herald analytics summary (embedded mode)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-cli-'));
  let output = '';
  let stop: () => Promise<number | null>;

  beforeAll(async () => {
    const started = startHerald(dataDir);
    stop = started.stop;
    output = await started.ready;
  }, 180_000);

  afterAll(async () => {
    await stop?.();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('prints each service with its docs, the deck and the demo key', async () => {
    for (const name of ['ingestion', 'listening', 'analytics', 'deck-builder']) {
      const url = urlOf(output, name);
      expect(url, name).toBeDefined();
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect((await fetch(`${url}/docs/json`)).status).toBe(200);
    }
    expect(output).toMatch(/^sample data\s+loaded \d+ posts and \d+ mentions/m);
    expect(output).toMatch(/^api key\s+hk_/m);
    // The deck line is its share link: it opens in a browser, which cannot send a key.
    expect(urlOf(output, 'deck')).toMatch(/\/share\/decks\/[A-Za-z0-9_-]{43}$/);
    const deck = await fetch(urlOf(output, 'deck')!);
    expect(deck.status).toBe(200);
    expect(deck.headers.get('x-frame-options')).toBe('DENY');
    expect(await deck.text()).toContain('/assets/reveal/reveal.js');
  });

  it('guards every service: no key 401, the demo key in; the state file is 0600 and holds no key', async () => {
    for (const [name, path] of [
      ['ingestion', '/v1/keys/self'],
      ['listening', '/v1/listening/brands'],
      ['analytics', '/v1/analytics/summary?from=2026-01-01&to=2026-02-01'],
      ['deck-builder', '/v1/decks'],
    ]) {
      const url = `${urlOf(output, name!)}${path}`;
      expect((await fetch(url)).status, name).toBe(401);
      expect((await fetch(url.replace('/v1/', '/%761/'))).status, name).toBe(401);
      expect((await fetch(url, { headers: { 'x-api-key': keyOf(output)! } })).status, name).toBe(200);
    }
    const state = join(dataDir, 'herald.json');
    expect(statSync(state).mode & 0o777).toBe(0o600);
    expect(readFileSync(state, 'utf8')).not.toContain(keyOf(output)!);
    expect(statSync(join(dataDir, 'api-key')).mode & 0o777).toBe(0o600);
  });

  it('creates a key for a new workspace, lists it and revokes it, on the running herald', async () => {
    const created = herald(['keys', 'create', '--workspace', 'acme', '--scope', 'read', '--name', 'reporting', '--json'], dataDir);
    expect(created.status, created.stderr).toBe(0);
    const { key, info, workspaceCreated } = JSON.parse(created.stdout);
    expect(info).toMatchObject({ workspaceId: 'acme', scopes: ['read'], name: 'reporting' });
    expect(workspaceCreated).toBe(true);
    const summary = `${urlOf(output, 'analytics')}/v1/analytics/summary?from=2026-01-01&to=2027-01-01`;
    const seen = (await (await fetch(summary, { headers: { 'x-api-key': key } })).json()) as { workspaceId: string; posts: number };
    expect(seen).toMatchObject({ workspaceId: 'acme', posts: 0 });

    const list = herald(['keys', 'list', '--workspace', 'acme', '--json'], dataDir);
    expect(JSON.parse(list.stdout).map((k: { id: string }) => k.id)).toEqual([info.id]);
    expect(list.stdout).not.toContain(key);
    const revoked = herald(['keys', 'revoke', info.id, '--workspace', 'acme'], dataDir);
    expect(revoked.status, revoked.stderr).toBe(0);
    // In process, so the revocation holds at once.
    expect((await fetch(summary, { headers: { 'x-api-key': key } })).status).toBe(401);
  }, 180_000); // each herald command is a new node process: seconds on a busy machine

  it('lists the dead letters of the running herald: none after the sample data', () => {
    const res = herald(['dlq', 'list', '--json'], dataDir);
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual([]);
  });

  it('fails an import whose every row is rejected (exit 1), saying where it went and why, never "Imported"', () => {
    const file = join(dataDir, '..', `${dataDir.split('/').pop()}-bad.jsonl`);
    writeFileSync(file, `${JSON.stringify({ network: 'myspace', networkPostId: 'm1', publishedAt: '2026-01-05T10:00:00Z', text: 'm' })}\nnot json\n`);
    try {
      const res = herald(['import', '--file', file, '--kind', 'posts'], dataDir);
      expect(res.status, res.stderr).toBe(1);
      expect(res.stdout).toMatch(/^Nothing imported: all 2 items of \S+-bad\.jsonl \(JSON Lines, posts\) were rejected\n/);
      expect(res.stdout).toContain(`\n  into        the running herald at ${urlOf(output, 'ingestion')} (pid `);
      expect(res.stdout).toMatch(/\n {4}line 1: network: must be one of [^\n]+\n {4}line 2: not valid JSON/);
      expect(res.stdout).not.toContain('Imported');
    } finally {
      rmSync(file, { force: true });
    }
  }, 60_000);

  it('prints the same summary as the REST endpoint, then again from the files once stopped', async () => {
    const from = '2026-01-01';
    const to = '2027-01-01';
    const rest = (await (
      await fetch(`${urlOf(output, 'analytics')}/v1/analytics/summary?from=${from}&to=${to}`, { headers: { 'x-api-key': keyOf(output)! } })
    ).json()) as Record<string, unknown>;
    const keys = ['posts', 'impressions', 'reach', 'engagements', 'engagementRate', 'followers', 'mentions', 'netSentiment', 'averageSentiment'];
    const expected = Object.fromEntries(keys.map((k) => [k, rest[k]]));
    expect(expected.posts).toBeGreaterThan(0);

    const live = herald(['analytics', 'summary', '--from', from, '--to', to, '--json'], dataDir);
    expect(live.status, live.stderr).toBe(0);
    expect(JSON.parse(live.stdout)).toEqual(expected);

    expect(await stop()).toBe(0);
    const offline = herald(['analytics', 'summary', '--from', from, '--to', to, '--json'], dataDir);
    expect(offline.status, offline.stderr).toBe(0);
    expect(JSON.parse(offline.stdout)).toEqual(expected);

    const table = herald(['analytics', 'summary', '--from', from, '--to', to], dataDir);
    expect(table.stdout).toMatch(/Engagement rate\s+\d+\.\d%/);

    // Keys straight from the data dir once herald is stopped.
    const offlineKeys = herald(['keys', 'create', '--workspace', 'beta', '--json'], dataDir);
    expect(offlineKeys.status, offlineKeys.stderr).toBe(0);
    expect(JSON.parse(offlineKeys.stdout).info).toMatchObject({ workspaceId: 'beta', scopes: ['ingest', 'read'] });
    const all = herald(['keys', 'list'], dataDir);
    expect(all.stdout).toMatch(/acme\s+reporting.*revoked/);
    expect(all.stdout).toMatch(/demo\s+embedded demo/);
  }, 300_000);

  it('lists and replays dead letters from the files once stopped', () => {
    const list = herald(['dlq', 'list', '--service', 'analytics'], dataDir);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toBe('No dead letters.\n');
    const replay = herald(['dlq', 'replay'], dataDir);
    expect(replay.status, replay.stderr).toBe(0);
    expect(replay.stdout).toBe('Nothing to replay.\n');
  }, 120_000);

  it('names the flag of an impossible date', () => {
    const res = herald(['analytics', 'summary', '--from', '2026-02-30', '--to', '2026-03-01'], dataDir);
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain('--from');
  }, 60_000);
});
