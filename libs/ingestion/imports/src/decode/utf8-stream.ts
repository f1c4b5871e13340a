import { isUtf8 } from 'node:buffer';

import { ImportError } from '../import-error.ts';
import type { TextEncoding } from '../parse-options.ts';
import { completeUtf8Length, firstInvalidUtf8 } from './utf8.ts';

/** Bytes as uploads arrive: a Node `Readable`, a web stream's chunks, or an array of Buffers in tests. */
export type ImportSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** The upload as validated UTF-8 bytes, whatever its encoding was: the CSV parser reads bytes, so text is not decoded twice. */
export interface Utf8Stream {
  encoding: Exclude<TextEncoding, 'auto'>;
  chunks: AsyncGenerator<Uint8Array, void, undefined>;
}

const SNIFF_BYTES = 4096;

// Signatures of the files most often uploaded by mistake instead of the CSV.
const SIGNATURES: ReadonlyArray<[bytes: number[], offset: number, what: string]> = [
  [[0x50, 0x4b, 0x03, 0x04], 0, 'a ZIP archive (an .xlsx workbook is one: open it and save the sheet as CSV)'],
  [[0x50, 0x4b, 0x05, 0x06], 0, 'an empty ZIP archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 0, 'an Excel 97–2003 workbook (.xls): save the sheet as CSV'],
  [[0x89, 0x50, 0x4e, 0x47], 0, 'a PNG image'],
  [[0xff, 0xd8, 0xff], 0, 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 0, 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 0, 'a PDF document'],
  [[0x1f, 0x8b], 0, 'a gzip archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 0, 'a 7-Zip archive'],
  [[0x52, 0x61, 0x72, 0x21], 0, 'a RAR archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 0, 'a program (ELF)'],
  [[0x50, 0x41, 0x52, 0x31], 0, 'a Parquet file'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 0, 'an SQLite database'],
  [[0x66, 0x74, 0x79, 0x70], 4, 'a video (MP4/MOV)'],
  [[0x57, 0x45, 0x42, 0x50], 8, 'a WebP image'],
];

function startsWith(buf: Uint8Array, bytes: number[], offset = 0): boolean {
  return buf.length >= offset + bytes.length && bytes.every((b, i) => buf[offset + i] === b);
}

async function* byteChunks(source: ImportSource): AsyncGenerator<Uint8Array, void, undefined> {
  for await (const chunk of source) {
    if (typeof chunk === 'string') yield Buffer.from(chunk, 'utf8');
    else if (chunk.length > 0) yield chunk;
  }
}

/**
 * Reads the first bytes to refuse non-CSV uploads and settle the encoding, then validates (UTF-8) or transcodes (UTF-16,
 * Windows-1252) the rest chunk by chunk. Strict UTF-8 by default: a Latin-1 file fails with the offending byte instead
 * of turning accents into U+FFFD.
 */
export async function openUtf8Stream(source: ImportSource, choice: TextEncoding): Promise<Utf8Stream> {
  const chunks = byteChunks(source);
  try {
    const headParts: Uint8Array[] = [];
    let headLength = 0;
    while (headLength < SNIFF_BYTES) {
      const next = await chunks.next();
      if (next.done) break;
      headParts.push(next.value);
      headLength += next.value.length;
    }
    const head = Buffer.concat(headParts);
    if (head.length === 0) throw new ImportError('IMPORT_EMPTY', 'The file is empty (0 bytes)');
    for (const [bytes, offset, what] of SIGNATURES) {
      if (startsWith(head, bytes, offset)) throw new ImportError('IMPORT_NOT_CSV', `The upload is ${what}, not a CSV file`, undefined, { detected: what });
    }
    if (startsWith(head, [0xff, 0xfe, 0x00, 0x00]) || startsWith(head, [0x00, 0x00, 0xfe, 0xff])) {
      throw new ImportError('IMPORT_ENCODING', 'The file is UTF-32, which is not supported: save it as UTF-8');
    }

    let encoding: Exclude<TextEncoding, 'auto'>;
    let skip = 0;
    if (startsWith(head, [0xef, 0xbb, 0xbf])) [encoding, skip] = ['utf-8', 3];
    else if (startsWith(head, [0xff, 0xfe])) [encoding, skip] = ['utf-16le', 2];
    else if (startsWith(head, [0xfe, 0xff])) [encoding, skip] = ['utf-16be', 2];
    else encoding = choice === 'auto' ? (sniffUtf16(head) ?? 'utf-8') : choice;
    if (choice !== 'auto' && skip > 0 && choice !== encoding) {
      throw new ImportError('IMPORT_ENCODING', `The file starts with a ${encoding} byte-order mark but encoding ${choice} was requested`);
    }
    if (encoding === 'utf-8' && head.includes(0)) {
      throw new ImportError('IMPORT_NOT_CSV', 'The upload contains binary data (zero bytes), not CSV text');
    }
    const body = head.subarray(skip);
    if (body.length === 0 && skip > 0) throw new ImportError('IMPORT_EMPTY', 'The file holds only a byte-order mark');
    const utf8 = encoding === 'utf-8' ? validateUtf8(body, chunks, skip) : transcode(body, chunks, encoding);
    return { encoding, chunks: checkLooksLikeText(utf8) };
  } catch (error) {
    await chunks.return(undefined);
    throw error;
  }
}

/** UTF-16 without a byte-order mark shows as ASCII letters alternating with zero bytes. */
function sniffUtf16(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(Math.min(head.length, SNIFF_BYTES) / 2);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

async function* validateUtf8(
  head: Uint8Array,
  rest: AsyncGenerator<Uint8Array, void, undefined>,
  startOffset: number,
): AsyncGenerator<Uint8Array, void, undefined> {
  let carry: Uint8Array | undefined;
  let offset = startOffset;
  const take = function* (chunk: Uint8Array): Generator<Uint8Array, void, undefined> {
    const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    const n = completeUtf8Length(buf);
    const part = buf.subarray(0, n);
    carry = n < buf.length ? Uint8Array.from(buf.subarray(n)) : undefined;
    if (!isUtf8(part)) {
      const bad = Math.max(0, firstInvalidUtf8(part));
      // Hand over the valid bytes first, so the error can name the row the bad ones are in.
      if (bad > 0) yield part.subarray(0, bad);
      throw invalidUtf8(part, bad, offset + bad);
    }
    offset += n;
    if (n > 0) yield part;
  };
  try {
    yield* take(head);
    for await (const chunk of rest) yield* take(chunk);
    if (carry) {
      throw new ImportError('IMPORT_ENCODING', `The file ends in the middle of a UTF-8 character (byte offset ${offset}): it looks truncated`, undefined, {
        byteOffset: offset,
      });
    }
  } finally {
    await rest.return(undefined);
  }
}

function invalidUtf8(buf: Uint8Array, index: number, byteOffset: number): ImportError {
  const bytes = Array.from(buf.subarray(index, index + 4), (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`);
  const asLatin1 = new TextDecoder('windows-1252').decode(buf.subarray(index, index + 1));
  const latin = (buf[index] ?? 0) >= 0xa0 ? ` It looks like Latin-1/Windows-1252 text ("${asLatin1}").` : '';
  return new ImportError(
    'IMPORT_ENCODING',
    `The file is not valid UTF-8: byte ${bytes[0]} at offset ${byteOffset} does not start a character.${latin} ` +
      `Export or save the file as UTF-8, or import it with encoding "windows-1252".`,
    undefined,
    { byteOffset, bytes },
  );
}

async function* transcode(
  head: Uint8Array,
  rest: AsyncGenerator<Uint8Array, void, undefined>,
  encoding: 'utf-16le' | 'utf-16be' | 'windows-1252',
): AsyncGenerator<Uint8Array, void, undefined> {
  const decoder = new TextDecoder(encoding, { fatal: encoding !== 'windows-1252', ignoreBOM: true });
  const decode = (chunk?: Uint8Array): Uint8Array => {
    try {
      return Buffer.from(chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode(), 'utf8');
    } catch {
      throw new ImportError('IMPORT_ENCODING', `The file is not valid ${encoding.toUpperCase()} (an unpaired surrogate or an odd number of bytes)`);
    }
  };
  try {
    yield decode(head);
    for await (const chunk of rest) yield decode(chunk);
    const tail = decode();
    if (tail.length > 0) yield tail;
  } finally {
    await rest.return(undefined);
  }
}

const MARKUP = /^\s*<(?:!doctype|html|\?xml|svg|head|body)/i;
const JSON_START = /^\s*(?:\{\s*"|\[\s*[{["\d\]])/;
/** Control characters other than tab, line feed, form feed and carriage return: text files hardly hold any. */
function countControlCharacters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) n++;
  }
  return n;
}

/** Catches text that is not CSV either: a saved login page, a JSON API response, binary data in a text encoding. */
async function* checkLooksLikeText(chunks: AsyncGenerator<Uint8Array, void, undefined>): AsyncGenerator<Uint8Array, void, undefined> {
  let checked = false;
  try {
    for await (const chunk of chunks) {
      if (!checked && chunk.length > 0) {
        checked = true;
        const start = new TextDecoder().decode(chunk.subarray(0, 2048));
        if (MARKUP.test(start)) throw new ImportError('IMPORT_NOT_CSV', 'The upload is an HTML or XML page, not a CSV file');
        if (JSON_START.test(start)) throw new ImportError('IMPORT_NOT_CSV', 'The upload is JSON, not a CSV file');
        const controls = countControlCharacters(start);
        if (controls > 8 || controls > start.length / 100) throw new ImportError('IMPORT_NOT_CSV', 'The upload contains binary data, not CSV text');
      }
      yield chunk;
    }
  } finally {
    await chunks.return(undefined);
  }
}
