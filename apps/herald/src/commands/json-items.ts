import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';

/** One item of a JSON file, or why its text is not one; `line` is where it starts (1-based). */
export type JsonItem = { line: number; item: unknown; text: string } | { line: number; error: string };

/** Longest item read (characters); larger ones are rejected without being held in memory. The API refuses far smaller ones. */
export const MAX_ITEM_CHARS = 4 * 1024 * 1024;

const isSpace = (ch: string) => ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\uFEFF';

/**
 * The items of a JSON file, streamed: a top-level array `[ {...}, {...} ]` (pretty-printed or
 * not), or JSON Lines, one item per line. What the file is decides itself from its first
 * character, so neither needs to fit in memory.
 */
export async function* readJsonItems(input: Readable): AsyncGenerator<JsonItem> {
  input.setEncoding('utf8');
  const chunks = input[Symbol.asyncIterator]() as AsyncIterator<string>;
  // The first chunk tells the layout; it is handed on to the reader chosen.
  let first = await chunks.next();
  while (!first.done && first.value.replace(/^[\s\uFEFF]+/, '') === '') first = await chunks.next();
  if (first.done) return;
  const head = first.value;
  const rest = (async function* () {
    yield head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  })();
  yield* head.replace(/^[\s\uFEFF]+/, '').startsWith('[') ? readArray(rest) : readLines(rest);
}

async function* readLines(chunks: AsyncIterable<string>): AsyncGenerator<JsonItem> {
  let line = 0;
  for await (const raw of createInterface({ input: Readable.from(chunks), crlfDelay: Infinity })) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    if (text.length > MAX_ITEM_CHARS) yield { line, error: `longer than ${MAX_ITEM_CHARS / 1024 / 1024} MB` };
    else yield parse(line, text);
  }
}

function parse(line: number, text: string): JsonItem {
  try {
    return { line, item: JSON.parse(text) as unknown, text };
  } catch (error) {
    return { line, error: `not valid JSON: ${(error as Error).message}` };
  }
}

/** Splits a top-level array into its elements by tracking strings and nesting, then parses each one alone. */
async function* readArray(chunks: AsyncIterable<string>): AsyncGenerator<JsonItem> {
  let line = 1;
  let opened = false;
  let closed = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** The element being read: its text so far, where it starts, whether it outgrew the limit. */
  let buffer = '';
  let recording = false;
  let startLine = 0;
  let tooLong = false;

  const finish = (): JsonItem | null => {
    const text = buffer;
    const wasLong = tooLong || text.length > MAX_ITEM_CHARS;
    buffer = '';
    recording = false;
    tooLong = false;
    if (wasLong) return { line: startLine, error: `longer than ${MAX_ITEM_CHARS / 1024 / 1024} MB` };
    if (text.trim() === '') return null;
    return parse(startLine, text);
  };

  for await (const chunk of chunks) {
    let segment = 0;
    const out: JsonItem[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charAt(i);
      if (ch === '\n') line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (!opened) {
        if (ch === '[') opened = true;
        continue; // only whitespace and a byte-order mark come before it: the caller checked
      }
      if (closed) {
        if (!isSpace(ch)) {
          yield* out;
          yield { line, error: 'text after the closing ] of the array' };
          return;
        }
        continue;
      }
      if (depth === 0 && (ch === ',' || ch === ']')) {
        if (recording && !tooLong) buffer += chunk.slice(segment, i);
        const item = finish();
        if (item) out.push(item);
        else if (ch === ',') out.push({ line, error: 'an empty item (two commas in a row, or a comma after [)' });
        if (ch === ']') closed = true;
        continue;
      }
      if (!recording) {
        if (isSpace(ch)) continue;
        recording = true;
        startLine = line;
        segment = i;
      }
      if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') depth = Math.max(0, depth - 1); // a stray one spoils its item, not the split
    }
    if (recording && !tooLong) {
      buffer += chunk.slice(segment);
      if (buffer.length > MAX_ITEM_CHARS) {
        tooLong = true;
        buffer = '';
      }
    }
    yield* out;
  }
  if (!closed) {
    const item = recording ? finish() : null;
    yield { line: item?.line ?? line, error: "the file ends before the array's closing ]: it looks cut short" };
  }
}
