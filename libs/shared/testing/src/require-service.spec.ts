import { createServer, type Server } from 'node:net';

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { probeKafka } from './probes.ts';
import { requireService, ServiceUnavailableError } from './require-service.ts';

const failingProbe = () => Promise.reject(new Error('connection refused'));

describe('requireService', () => {
  const ci = process.env['CI'];
  afterEach(() => {
    if (ci === undefined) delete process.env['CI'];
    else process.env['CI'] = ci;
    vi.restoreAllMocks();
  });

  it('runs the suite when the probe succeeds', async () => {
    await expect(requireService('svc', () => Promise.resolve())).resolves.toBe(true);
  });

  it('skips with a printed reason outside CI', async () => {
    delete process.env['CI'];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(requireService('svc', failingProbe)).resolves.toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('svc unreachable (connection refused)'));
  });

  it('throws under CI=true so the test fails', async () => {
    process.env['CI'] = 'true';
    await expect(requireService('svc', failingProbe)).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});

describe('probeKafka', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('succeeds when one of the brokers accepts a TCP connection', async () => {
    await expect(probeKafka(['127.0.0.1:1', `127.0.0.1:${port}`], 1_000)).resolves.toBeUndefined();
  });

  it('fails naming every broker when none listens', async () => {
    await expect(probeKafka(['127.0.0.1:1'], 1_000)).rejects.toThrow(/127\.0\.0\.1:1: /);
  });
});
