import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { freePort } from '../service-process.ts';

const run = promisify(execFile);

export interface OwnPostgres {
  url: string;
  /** Fast shutdown (every connection cut), a pause, then the same cluster starts again. */
  restart(options?: { downMs?: number; whileDown?: () => Promise<void> }): Promise<void>;
  destroy(): Promise<void>;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'pg_ctl')));
  if (!found) throw new Error(`no PostgreSQL server binaries under ${root} (initdb, pg_ctl)`);
  return found;
}

/**
 * A PostgreSQL cluster of the test's own (initdb in a temp dir, on a free port, trust auth), so
 * that a test may restart it without touching the server everyone else uses. initdb refuses to
 * run as root: as root the cluster belongs to the `postgres` user.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'herald-fault-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
    chmodSync(dir, 0o700);
  }
  const pg = (tool: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args));
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const start = () => pg('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '120', '-o', options, 'start']);
  const stop = (mode: 'fast' | 'immediate') => pg('pg_ctl', ['-D', data, '-w', '-t', '120', '-m', mode, 'stop']);
  const destroy = async () => {
    await stop('immediate').catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    await start();
    await pg('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'test']);
  } catch (error) {
    await destroy();
    throw error;
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/test`,
    async restart({ downMs = 5_000, whileDown } = {}) {
      await stop('fast');
      const until = Date.now() + downMs;
      await whileDown?.();
      await new Promise((r) => setTimeout(r, Math.max(0, until - Date.now())));
      await start();
    },
    destroy,
  };
}
