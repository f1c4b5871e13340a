import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { freePort } from '../service-process.ts';

const run = promisify(execFile);
const kafkaDir = fileURLToPath(new URL('../../../kafka/', import.meta.url));

export interface OwnKafka {
  brokers: string;
  /** Stops the broker (SIGTERM, then waits for the process to end); its data is kept. */
  stop(): Promise<void>;
  /** Starts the stopped broker again, on the same ports and data, and waits until it answers. */
  resume(): Promise<void>;
  /** Stops it for good and deletes its data. Safe to call twice, and after a failed start. */
  destroy(): Promise<void>;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A Kafka broker of the test's own (tools/kafka/start.sh on free ports, in a temp run dir), so
 * that a test may stop it without touching the broker everyone else uses.
 */
export async function startOwnKafka(): Promise<OwnKafka> {
  const runDir = mkdtempSync(join(tmpdir(), 'herald-fault-kafka-'));
  const port = await freePort();
  let controllerPort = await freePort();
  while (controllerPort === port) controllerPort = await freePort();
  const env = { ...process.env, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(controllerPort), KAFKA_RUN_DIR: runDir, KAFKA_START_TIMEOUT: '180' };
  const brokers = `127.0.0.1:${port}`;
  const pidFile = join(runDir, 'kafka.pid');
  const destroy = async () => {
    await run('bash', [join(kafkaDir, 'stop.sh')], { env }).catch(() => undefined);
    rmSync(runDir, { recursive: true, force: true });
  };
  try {
    await run('bash', [join(kafkaDir, 'start.sh')], { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    await destroy();
    throw error;
  }
  let argv: string[] = [];
  const ready = async () => {
    const res = await run(process.execPath, [
      join(kafkaDir, 'wait-ready.mjs'),
      '--brokers',
      brokers,
      '--timeout',
      '5',
      '--pid',
      readFileSync(pidFile, 'utf8').trim(),
      '--cluster-id',
      readFileSync(join(runDir, 'cluster-id'), 'utf8').trim(),
    ]).then(
      () => true,
      () => false,
    );
    return res;
  };
  return {
    brokers,
    async stop() {
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      // The exact command line, to start the same broker (same config and data) again.
      argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      process.kill(pid, 'SIGTERM');
      await waitUntil(() => !alive(pid), `broker pid ${pid} to exit`, 60_000);
    },
    async resume() {
      const [java, ...args] = argv;
      if (!java) throw new Error('the broker was not stopped by stop()');
      const out = openSync(join(runDir, 'kafka.out'), 'a');
      const child = spawn(java, args, { detached: true, stdio: ['ignore', out, out] });
      child.unref();
      writeFileSync(pidFile, `${child.pid}\n`);
      await waitUntil(ready, `the broker on ${brokers} to answer again`, 180_000);
    },
    destroy,
  };
}
