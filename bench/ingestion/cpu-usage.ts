import { readdirSync, readFileSync } from 'node:fs';

import pg from 'pg';

import { DATABASE_URL } from './bench-env.ts';

/** CPU time (user + system) of a process so far, in milliseconds; Linux only. */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The Kafka broker's JVM, found by its main class. */
export function kafkaBrokerPid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.startsWith('java') || cmdline.includes('/java\0')) if (cmdline.includes('\0kafka.Kafka\0')) return Number(entry);
    } catch {
      // The process ended while being read.
    }
  }
  return undefined;
}

/**
 * CPU of the PostgreSQL backends serving this run: the backends whose queries name the run's
 * schema, sampled twice a second (a backend's CPU counter covers its whole life, and the
 * service's pool opens its connections during the run).
 */
async function trackBackends(schema: string): Promise<{ stop(): Promise<number> }> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const seen = new Map<number, number>();
  const sample = async () => {
    const { rows } = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND query LIKE $1`, [`%${schema}%`]);
    for (const { pid } of rows) seen.set(pid, Math.max(seen.get(pid) ?? 0, cpuMs(pid)));
    for (const pid of seen.keys()) seen.set(pid, Math.max(seen.get(pid) ?? 0, cpuMs(pid)));
  };
  let running = sample();
  const timer = setInterval(() => {
    running = running.then(sample, sample);
  }, 500);
  return {
    async stop() {
      clearInterval(timer);
      await running.catch(() => undefined);
      await sample();
      await client.end();
      return [...seen.values()].reduce((a, b) => a + b, 0);
    },
  };
}

/** CPU spent by the service, its PostgreSQL backends, the Kafka broker and this process while `work` runs. */
export async function measureCpu<T>(
  options: { servicePid: number; schema: string },
  work: () => Promise<T>,
): Promise<{ result: T; ms: { service: number; postgres: number; kafka: number; client: number } }> {
  const kafka = kafkaBrokerPid();
  const backends = await trackBackends(options.schema);
  const before = { service: cpuMs(options.servicePid), kafka: kafka ? cpuMs(kafka) : 0, client: process.cpuUsage() };
  const result = await work();
  const client = process.cpuUsage(before.client);
  return {
    result,
    ms: {
      service: cpuMs(options.servicePid) - before.service,
      postgres: await backends.stop(),
      kafka: kafka ? cpuMs(kafka) - before.kafka : 0,
      client: (client.user + client.system) / 1000,
    },
  };
}
