import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

describe('requireNatural', () => {
  it('prints nothing and leaves DOTENV_CONFIG_QUIET as the host set it', () => {
    // A fresh process: natural is loaded once per process, and dotenv prints on that load.
    const script = `
      const { requireNatural } = await import(${JSON.stringify(join(here, 'index.ts'))});
      const natural = requireNatural();
      process.stdout.write(JSON.stringify({ tfidf: typeof natural.TfIdf, quiet: process.env.DOTENV_CONFIG_QUIET ?? null }));
    `;
    const env = { ...process.env };
    delete env.DOTENV_CONFIG_QUIET;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(output).toBe(JSON.stringify({ tfidf: 'function', quiet: null }));
  });
});
