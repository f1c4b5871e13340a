import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { DATABASE_URL, KAFKA_BROKERS } from './bench-env.ts';

export interface RunningService {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts serve-ingestion.ts in its own process and waits for its URL. */
export async function startService(options: { schema: string; topicPrefix: string; apiKey: string; nodeArgs?: string[] }): Promise<RunningService> {
  const script = fileURLToPath(new URL('./serve-ingestion.ts', import.meta.url));
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', script], {
    env: {
      ...process.env,
      DATABASE_URL,
      DATABASE_SCHEMA: options.schema,
      KAFKA_BROKERS: KAFKA_BROKERS.join(','),
      HERALD_TOPIC_PREFIX: options.topicPrefix,
      HERALD_API_KEY: options.apiKey,
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`the ingestion service exited with ${code} before listening`)));
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
