import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { AppError } from '@herald/service-kit';
import type { FastifyRequest } from 'fastify';

/** An upload written to a temporary file as it arrived: the file never sits in memory whole. */
export interface SpooledUpload {
  path: string;
  fileName: string;
  bytes: number;
  /** SHA-256 of the file's bytes, for the Idempotency-Key check. */
  sha256: string;
  /** The form's text fields. */
  fields: Record<string, string>;
  remove(): Promise<void>;
}

const FIELDS = ['format', 'mapping', 'timeZone', 'encoding'];

const cutShort = (detail: string) =>
  new AppError('UPLOAD_INCOMPLETE', `The upload ended before the form did (${detail}): send the whole file again`, 400, { field: 'file' });

/** Errors of a body that stopped in the middle (a dropped connection, a truncated form), as the parser reports them. */
const isCutShort = (error: unknown) =>
  error instanceof Error &&
  ((error as { code?: unknown }).code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    /unexpected end of (multipart data|form)|terminated early|aborted/i.test(error.message));

/**
 * Reads the multipart form of POST /v1/imports: one part named `file` and the text fields. The
 * file goes to disk chunk by chunk; a file over the upload limit fails the stream (413).
 */
export async function spoolUpload(request: FastifyRequest, dir = tmpdir()): Promise<SpooledUpload> {
  if (!request.isMultipart()) {
    throw new AppError('IMPORT_FORM_INVALID', 'Send the file as multipart/form-data, in a part named "file"', 415);
  }
  const path = join(dir, `herald-import-${randomUUID()}.csv`);
  const remove = () => rm(path, { force: true });
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: number; sha256: string } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (!FIELDS.includes(part.fieldname))
          throw new AppError('IMPORT_FORM_INVALID', `Unknown form field "${part.fieldname}"; the fields are file, ${FIELDS.join(', ')}`, 400, {
            field: part.fieldname,
          });
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file' || file) {
        part.file.resume();
        throw new AppError('IMPORT_FORM_INVALID', `Send exactly one file, in the part named "file" (got "${part.fieldname}")`, 400, { field: part.fieldname });
      }
      const hash = createHash('sha256');
      let bytes = 0;
      // The parser destroys the part it was filling when the body ends before the form does; it may
      // have done so before the part is handed over, and a pipeline from a destroyed stream never settles.
      if (part.file.destroyed) throw cutShort('the file part has no end');
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(part.file, tap, createWriteStream(path));
      file = { fileName: part.filename, bytes, sha256: hash.digest('hex') };
    }
  } catch (error) {
    await remove();
    if (error instanceof AppError) throw error;
    if (isCutShort(error)) throw cutShort(error instanceof Error ? error.message : String(error));
    // Errors with a status (the upload limit's 413) and the disk's own (a syscall) are not the form's fault.
    if (!(error instanceof Error) || 'statusCode' in error || 'syscall' in error) throw error;
    // Whatever else the parser refuses (no boundary, a broken part header) is a malformed form.
    throw new AppError('IMPORT_FORM_INVALID', `The multipart form cannot be read (${error.message})`, 400, { field: 'file' });
  }
  if (!file) {
    await remove();
    throw new AppError('IMPORT_FORM_INVALID', 'The form has no file: send the CSV export in a part named "file"', 400, { field: 'file' });
  }
  return { path, ...file, fields, remove };
}
