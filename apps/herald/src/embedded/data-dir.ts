import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { CliError, unreachableReason } from '../cli-error.ts';

/** What a running `herald start` tells other commands. No key: they read the demo key from its own 0600 file. */
export interface RunningStack {
  pid: number;
  workspaceId: string;
  urls: { ingestion: string; listening: string; analytics: string; deck: string };
}

/** --data-dir, else HERALD_DATA_DIR, else ./data where the command was typed (npm run changes the working directory; INIT_CWD keeps it). */
export const resolveDataDir = (dir: string | undefined): string =>
  resolve(process.env.INIT_CWD ?? process.cwd(), dir ?? process.env.HERALD_DATA_DIR ?? './data');

const stateFile = (dataDir: string) => join(dataDir, 'herald.json');

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * The embedded databases are files that only one process may open. A running `herald start`
 * records itself here; other commands then go through its HTTP API instead of the files.
 */
export function findRunningStack(dataDir: string): RunningStack | null {
  if (!existsSync(stateFile(dataDir))) return null;
  let state: RunningStack;
  try {
    state = JSON.parse(readFileSync(stateFile(dataDir), 'utf8')) as RunningStack;
  } catch {
    return null; // a file cut short by a crash: nothing runs that could have written it whole
  }
  return typeof state.pid === 'number' && isAlive(state.pid) && state.pid !== process.pid ? state : null;
}

export function claimDataDir(dataDir: string, state: RunningStack): () => void {
  mkdirSync(dataDir, { recursive: true });
  const running = findRunningStack(dataDir);
  if (running) throw new Error(`Another herald (pid ${running.pid}) is using ${dataDir}; stop it or set HERALD_DATA_DIR to another folder`);
  writeFileSync(stateFile(dataDir), JSON.stringify(state, null, 2), { mode: 0o600 });
  chmodSync(stateFile(dataDir), 0o600); // also when an older herald left the file world-readable
  return () => rmSync(stateFile(dataDir), { force: true });
}

/** Holds the data dir for a one-off command, so that `herald start` cannot open it meanwhile. */
export function withDataDirLock<T>(dataDir: string, run: () => Promise<T>): Promise<T> {
  const release = claimDataDir(dataDir, { pid: process.pid, workspaceId: '', urls: { ingestion: '', listening: '', analytics: '', deck: '' } });
  return run().finally(release);
}

/** The demo workspace's API key: HERALD_API_KEY, else the one made on first start and kept. */
export function demoApiKey(dataDir: string, generate: () => string): string {
  if (process.env.HERALD_API_KEY) return process.env.HERALD_API_KEY;
  const file = join(dataDir, 'api-key');
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    return readFileSync(file, 'utf8').trim();
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = generate();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/** Commands that read the embedded store refuse a folder where herald never ran, instead of reporting from a new, empty one. */
export function assertDataDirHasStore(dataDir: string): void {
  if (existsSync(join(dataDir, 'pglite'))) return;
  throw new CliError(`no herald data in ${dataDir}`, undefined, [
    '`herald start` creates it (and loads sample data); --data-dir or HERALD_DATA_DIR names the folder of another herald',
  ]);
}

/** fetch() on a running `herald start`, whose failure to answer is told as such rather than as "fetch failed". */
export async function requestRunningStack(running: RunningStack, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const unreachable = unreachableReason(error);
    if (!unreachable) throw error;
    throw new CliError(`the running herald (pid ${running.pid}) does not answer at ${new URL(url).origin}: ${unreachable.reason}`, undefined, [
      'it may be starting or stopping: try again in a moment, or stop it (Ctrl+C where it runs) and run the command again',
    ]);
  }
}
