import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

import { classifyIntent } from '@herald/listening-intents';
import { analyzeSentiment } from '@herald/listening-sentiment';

export interface AnalyzeIo {
  input: Readable;
  output: Writable;
  /** Where a fatal problem (unreadable input) is told; default: nowhere. */
  errors?: Writable;
}

export type AnalyzeOutputLine =
  | { id: string | number; score: number; label: string; language: string; drivers: string[]; intent: string; intentConfidence: number }
  | { id?: string | number; error: string };

/** Longest language tag taken (BCP 47 tags in use are far shorter). */
const MAX_LANGUAGE_LENGTH = 35;

/**
 * One input line `{"id","text","language"?}` → its analysis, or `{ id?, error }` naming the line
 * and the problem. Never throws.
 */
export function analyzeLine(line: string, lineNumber: number): AnalyzeOutputLine {
  const fail = (error: string, id?: unknown): AnalyzeOutputLine => ({
    ...(typeof id === 'string' || typeof id === 'number' ? { id } : {}),
    error: `line ${lineNumber}: ${error}`,
  });
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`);
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return fail('expected a JSON object {"id","text","language"?}');
  const { id, text, language } = row as Record<string, unknown>;
  if (id === undefined || id === null) return fail('"id" is missing');
  if ((typeof id !== 'string' || id.length === 0) && !(typeof id === 'number' && Number.isFinite(id)))
    return fail('"id" must be a non-empty string or a number');
  if (typeof text !== 'string') return fail(text === undefined ? '"text" is missing' : '"text" must be a string', id);
  if (text.trim() === '') return fail('"text" is empty', id);
  if (language !== undefined && (typeof language !== 'string' || language.length > MAX_LANGUAGE_LENGTH)) {
    return fail('"language" must be a language code such as "en" or "pt-BR"', id);
  }
  try {
    const sentiment = analyzeSentiment(text, language ? { language } : {});
    const intent = classifyIntent(text, { sentiment: sentiment.scored ? sentiment.label : null });
    return {
      id,
      score: sentiment.score,
      label: sentiment.label,
      language: sentiment.language,
      drivers: sentiment.drivers,
      intent: intent.intent,
      intentConfidence: intent.confidence,
    };
  } catch (error) {
    return fail(`analysis failed: ${(error as Error).message}`, id);
  }
}

/**
 * `herald analyze`: reads JSON lines from `input`, writes one JSON line per non-blank input line.
 * A bad line gets an error line and the rest goes on. Returns the exit code: 0, or 1 when the
 * input cannot be read. A reader that stops early (`| head`) ends the run quietly.
 */
export async function runAnalyze(io: AnalyzeIo): Promise<number> {
  let closedOutput = false;
  const onOutputError = (error: NodeJS.ErrnoException) => {
    closedOutput = true;
    if (error.code !== 'EPIPE') io.errors?.write(`herald analyze: cannot write the output: ${error.message}\n`);
  };
  io.output.on('error', onOutputError);
  const lines = createInterface({ input: io.input, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      if (closedOutput) break;
      if (!io.output.write(`${JSON.stringify(analyzeLine(line, lineNumber))}\n`)) {
        await Promise.race([once(io.output, 'drain'), once(io.output, 'close')]);
      }
    }
    return 0;
  } catch (error) {
    // Waiting for 'drain' rejects when the output fails; the output's own handler has told why.
    if (closedOutput) return 0;
    io.errors?.write(`herald analyze: cannot read the input: ${(error as Error).message}\n`);
    return 1;
  } finally {
    lines.close();
    io.output.off('error', onOutputError);
  }
}
