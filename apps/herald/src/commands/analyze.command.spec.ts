import { PassThrough, Readable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { analyzeLine, runAnalyze } from './analyze.command.ts';

async function run(input: string | Readable): Promise<{ code: number; lines: Record<string, unknown>[]; errors: string }> {
  const output = new PassThrough();
  const errors = new PassThrough();
  const chunks: string[] = [];
  const errorChunks: string[] = [];
  output.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  errors.on('data', (c: Buffer) => errorChunks.push(c.toString('utf8')));
  const code = await runAnalyze({ input: typeof input === 'string' ? Readable.from([input]) : input, output, errors });
  const text = chunks.join('');
  return {
    code,
    lines:
      text === ''
        ? []
        : text
            .trimEnd()
            .split('\n')
            .map((l) => JSON.parse(l) as Record<string, unknown>),
    errors: errorChunks.join(''),
  };
}

describe('herald analyze', () => {
  it('writes one line per input with sentiment and intent, in input order', async () => {
    const { code, lines } = await run(
      [
        JSON.stringify({ id: 'a', text: 'How much is the pro plan for 10 users?' }),
        JSON.stringify({ id: 2, text: 'Worst support ever, still no refund 😡', language: 'en' }),
        JSON.stringify({ id: 'c', text: 'El servicio es excelente, gracias', language: 'es' }),
      ].join('\n'),
    );

    expect(code).toBe(0);
    expect(lines).toHaveLength(3);
    expect(Object.keys(lines[0]!)).toEqual(['id', 'score', 'label', 'language', 'drivers', 'intent', 'intentConfidence']);
    expect(lines[0]).toMatchObject({ id: 'a', intent: 'sales_inquiry' });
    expect(lines[1]).toMatchObject({ id: 2, label: 'negative', language: 'eng', intent: 'complaint' });
    expect(lines[2]).toMatchObject({ id: 'c', label: 'positive', language: 'spa' });
  });

  it('answers a bad line with an error naming its line number, and goes on', async () => {
    const { code, lines } = await run(
      [
        '{not json',
        JSON.stringify({ text: 'no id here' }),
        JSON.stringify({ id: 'e', text: '   ' }),
        JSON.stringify({ id: 'f', text: 42 }),
        '',
        '[1, 2]',
        JSON.stringify({ id: 'g', text: 'fine', language: 7 }),
        JSON.stringify({ id: 'ok', text: 'love it' }),
      ].join('\n'),
    );

    expect(code).toBe(0);
    expect(lines).toEqual([
      { error: expect.stringMatching(/^line 1: not valid JSON/) },
      { error: 'line 2: "id" is missing' },
      { id: 'e', error: 'line 3: "text" is empty' },
      { id: 'f', error: 'line 4: "text" must be a string' },
      // Line 5 is blank: not an input.
      { error: 'line 6: expected a JSON object {"id","text","language"?}' },
      { id: 'g', error: 'line 7: "language" must be a language code such as "en" or "pt-BR"' },
      expect.objectContaining({ id: 'ok', label: 'positive' }),
    ]);
  });

  it('scores emoji-only, link-only, replacement-character, mixed-script and 100 KB texts', async () => {
    const texts = ['😍😍😍', 'https://example.com/x', '\uFFFD\uFFFD ok', 'Отлично 素晴らしい great', 'slow delivery again. '.repeat(5_000)];
    const { lines } = await run(texts.map((text, id) => JSON.stringify({ id, text })).join('\n'));

    expect(lines.map((l) => l.id)).toEqual([0, 1, 2, 3, 4]);
    for (const line of lines) {
      expect(line.error).toBeUndefined();
      expect(line.score).toBeGreaterThanOrEqual(-1);
      expect(line.score).toBeLessThanOrEqual(1);
    }
    expect(lines[0]).toMatchObject({ label: 'positive' });
  });

  it('returns 1 and says so when the input cannot be read', async () => {
    const input = new Readable({
      read() {
        this.destroy(new Error('EIO: i/o error, read'));
      },
    });
    const { code, errors } = await run(input);
    expect(code).toBe(1);
    expect(errors).toContain('cannot read the input: EIO');
  });

  it('gives the same answer as a single call for one line', () => {
    expect(analyzeLine(JSON.stringify({ id: 'x', text: 'please add dark mode' }), 1)).toMatchObject({ id: 'x', intent: 'feature_request' });
  });
});
