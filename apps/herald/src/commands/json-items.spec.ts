import { Readable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { MAX_ITEM_CHARS, readJsonItems, type JsonItem } from './json-items.ts';

/** The file's text cut into chunks of `size` characters, as a read stream would hand it over. */
async function read(text: string, size = 7): Promise<JsonItem[]> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(Buffer.from(text.slice(i, i + size)));
  const items: JsonItem[] = [];
  for await (const item of readJsonItems(Readable.from(chunks))) items.push(item);
  return items;
}

const values = (items: JsonItem[]) => items.map((i) => ('error' in i ? { line: i.line, error: i.error } : { line: i.line, item: i.item }));

describe('readJsonItems', () => {
  it('reads JSON Lines, skipping blank lines and a byte-order mark, naming each line', async () => {
    expect(values(await read('\uFEFF{"a":1}\n\n{"b":2}\r\n{oops\n'))).toEqual([
      { line: 1, item: { a: 1 } },
      { line: 3, item: { b: 2 } },
      { line: 4, error: expect.stringMatching(/^not valid JSON/) },
    ]);
  });

  it('splits a pretty-printed array into its items, brackets and quotes inside strings included, across chunks', async () => {
    const text = '  [\n  {"t": "a ] b , c } \\" d"},\n  {"n": [1, [2]], "o": {"p": {}}},\n  3\n]\n';
    expect(values(await read(text))).toEqual([
      { line: 2, item: { t: 'a ] b , c } " d' } },
      { line: 3, item: { n: [1, [2]], o: { p: {} } } },
      { line: 4, item: 3 },
    ]);
    // The split does not depend on where the chunks end.
    expect(values(await read(text, 1))).toEqual(values(await read(text, 1000)));
  });

  it('reads an empty array and an empty file as no items', async () => {
    expect(await read('[ ]')).toEqual([]);
    expect(await read('')).toEqual([]);
  });

  it('rejects a bad item alone and goes on with the next', async () => {
    expect(values(await read('[{"a":1},{"b":},{"c":3}]'))).toEqual([
      { line: 1, item: { a: 1 } },
      { line: 1, error: expect.stringMatching(/^not valid JSON/) },
      { line: 1, item: { c: 3 } },
    ]);
  });

  it('says when the array is cut short, or followed by more text', async () => {
    expect(values(await read('[{"a":1},\n{"b":'))).toEqual([
      { line: 1, item: { a: 1 } },
      { line: 2, error: "the file ends before the array's closing ]: it looks cut short" },
    ]);
    expect(values(await read('[1]\n[2]'))).toEqual([
      { line: 1, item: 1 },
      { line: 2, error: 'text after the closing ] of the array' },
    ]);
  });

  it('rejects an item longer than the limit without holding it', async () => {
    const long = `"${'x'.repeat(MAX_ITEM_CHARS + 10)}"`;
    expect(values(await read(`[${long}, 2]`, 64 * 1024))).toEqual([
      { line: 1, error: 'longer than 4 MB' },
      { line: 1, item: 2 },
    ]);
  });
});
