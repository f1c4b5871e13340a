import { generateApiKey } from '@herald/ingestion-service';
import { createLogger } from '@herald/service-kit';

import { claimDataDir, demoApiKey } from './data-dir.ts';
import { startEmbeddedStack, type EmbeddedStack } from './embedded-stack.ts';

export interface CommandStack {
  urls: EmbeddedStack['urls'];
  /** The demo workspace's key, which the command sends. */
  apiKey: string;
  settle(): Promise<void>;
  /** Stops the stack and frees the data dir. */
  close(): Promise<void>;
}

/** The demo workspace's key on this data dir (made and kept on first use). */
export const demoKeyOf = (dataDir: string): string => demoApiKey(dataDir, generateApiKey);

/**
 * The embedded stack opened on the data dir for one command, when no `herald start` runs there:
 * the data dir is held meanwhile, so `herald start` cannot open it. Warnings go to stderr, since
 * stdout carries the command's own output (and --json).
 */
export async function openCommandStack(options: { dataDir: string; workspaceId: string }): Promise<CommandStack> {
  const apiKey = demoApiKey(options.dataDir, generateApiKey);
  const release = claimDataDir(options.dataDir, {
    pid: process.pid,
    workspaceId: options.workspaceId,
    urls: { ingestion: '', listening: '', analytics: '', deck: '' },
  });
  try {
    const stack = await startEmbeddedStack({
      dataDir: options.dataDir,
      host: '127.0.0.1',
      ports: { ingestion: 0, listening: 0, analytics: 0, deck: 0 },
      workspaceId: options.workspaceId,
      apiKey,
      logger: createLogger({ name: 'herald', level: 'warn', destination: process.stderr }),
    });
    return {
      urls: stack.urls,
      apiKey,
      settle: () => stack.settle(),
      close: async () => {
        await stack.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
