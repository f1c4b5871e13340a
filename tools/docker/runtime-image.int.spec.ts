import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { requireKafka, requirePostgres, testKafkaBrokers, testPostgresUrl, uniqueName } from '@herald/testing';

/**
 * The Docker image without Docker: the runtime stage's files (its `COPY --from=build` lines) put
 * in an empty folder, and each service started from there on real PostgreSQL and Kafka. A file
 * the compiled apps read at run time (a migration, the intents data, deck assets) that the image
 * leaves out makes a service fail here, as it would in the container.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dockerfile = readFileSync(new URL('./Dockerfile', import.meta.url), 'utf8');
const runtimeStage = dockerfile.slice(dockerfile.indexOf(' AS runtime'), dockerfile.indexOf('FROM runtime AS'));
const copies = [...runtimeStage.matchAll(/^COPY --from=build \/app\/(\S+) \.\/(\S+)$/gm)].map(([, from, to]) => ({ from: from!, to: to! }));

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const up = (await requirePostgres()) && (await requireKafka());

describe.runIf(up)('the runtime image (its files, no Docker)', () => {
  const run = uniqueName('image');
  const root = mkdtempSync(join(tmpdir(), 'herald-image-'));
  const children: ChildProcess[] = [];
  const schemas = ['ingestion', 'listening', 'analytics', 'deck'].map((s) => `${run}_${s}`);

  beforeAll(() => {
    for (const { from, to } of copies) {
      // node_modules is linked, not copied: the image's is the same tree, pruned to production.
      if (from === 'node_modules') symlinkSync(join(repoRoot, from), join(root, to));
      else cpSync(join(repoRoot, from), join(root, to), { recursive: true });
    }
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: testPostgresUrl() });
    await client.connect();
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('copies the compiled apps and what they read, from paths that exist', () => {
    expect(copies.map((c) => c.from)).toEqual(expect.arrayContaining(['node_modules', 'apps/ingestion/dist', 'apps/deck-builder/dist']));
    for (const { from, to } of copies) expect(to).toBe(from === 'package.json' ? 'package.json' : from);
  });

  it('starts every service from the image files, each ready (migrated, connected)', async () => {
    const start = async (name: string, env: Record<string, string>) => {
      const port = await freePort();
      const command = /^CMD \["(apps\/[^"]+)"\]$/m.exec(dockerfile.slice(dockerfile.indexOf(`FROM runtime AS ${name}`)))?.[1];
      expect(command, `CMD of ${name}`).toMatch(/dist\/main\.mjs$/);
      let output = '';
      const child = spawn(process.execPath, ['--enable-source-maps', command!], {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          TZ: 'UTC',
          KAFKAJS_NO_PARTITIONER_WARNING: '1',
          LOG_LEVEL: 'warn',
          HOST: '127.0.0.1',
          PORT: String(port),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
      const url = `http://127.0.0.1:${port}`;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} from the image files:\n${output}`);
        if (
          await fetch(`${url}/ready`).then(
            (r) => r.ok,
            () => false,
          )
        )
          return url;
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const common = { DATABASE_URL: testPostgresUrl(), KAFKA_BROKERS: testKafkaBrokers().join(','), HERALD_TOPIC_PREFIX: `${run}.` };
    const apiKey = `hk_${run.replace(/[^a-z0-9]/g, '')}_0123456789abcdef`;
    const ingestion = await start('ingestion', { ...common, DATABASE_SCHEMA: schemas[0]!, HERALD_BOOTSTRAP_WORKSPACE: 'acme', HERALD_API_KEY: apiKey });
    const analytics = await start('analytics', { ...common, DATABASE_SCHEMA: schemas[2]!, INGESTION_URL: ingestion });
    await start('listening', { ...common, DATABASE_SCHEMA: schemas[1]!, INGESTION_URL: ingestion });
    const deck = await start('deck-builder', { ...common, DATABASE_SCHEMA: schemas[3]!, INGESTION_URL: ingestion, ANALYTICS_URL: analytics });

    // A deck is built and served from the image: its assets (reveal.js, chart.js, Herald's own) load.
    const created = await fetch(`${deck}/v1/decks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ from: '2026-11-01', to: '2026-12-01', audience: 'executive' }),
    });
    expect(created.status).toBe(201);
    const { shareUrl } = (await created.json()) as { shareUrl: string };
    const html = await (await fetch(new URL(shareUrl, deck))).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect((await fetch(`${deck}${asset}`)).status, asset).toBe(200);
  });
});
