import { describe, expect, it } from 'vitest';

import { probePostgres } from './probes.ts';
import { requirePostgres } from './require-service.ts';
import { testPostgresUrl } from './test-env.ts';

const pgUp = await requirePostgres();

describe('probePostgres', () => {
  it.runIf(pgUp)('succeeds against the test server', async () => {
    await expect(probePostgres(testPostgresUrl())).resolves.toBeUndefined();
  });

  it('fails fast when nothing listens', async () => {
    const started = Date.now();
    await expect(probePostgres('postgresql://postgres@127.0.0.1:1/test', 1_000)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
