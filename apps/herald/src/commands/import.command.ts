import { closeSync, createReadStream, openAsBlob, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, extname, relative, resolve } from 'node:path';

import {
  BATCH_KINDS,
  createIngestionClient,
  IngestionClientError,
  type BatchItems,
  type BatchKind,
  type ImportEncoding,
  type ImportFormat,
  type ImportJob,
  type IngestionClient,
} from '@herald/ingestion-client';

import { CliError, EXIT, unreachableReason, type ExitCode } from '../cli-error.ts';
import { IMPORT_FORMATS } from '../cli-options.ts';
import { findRunningStack, requestRunningStack } from '../embedded/data-dir.ts';
import { readJsonItems } from './json-items.ts';

export interface ImportCommandOptions {
  dataDir: string;
  file: string;
  /** JSON items of this kind (JSON Lines or one array); without it the file is a CSV export. */
  kind?: BatchKind;
  format?: ImportFormat;
  /** Path of a column mapping (JSON). */
  mapping?: string;
  timeZone?: string;
  encoding?: ImportEncoding;
  /** A running ingestion service, and its API key; without them, the local herald (running or started here). */
  url?: string;
  key?: string;
  /** The workspace of an embedded stack started for this import. */
  workspaceId: string;
  /** Where the progress bar goes; null for none. */
  progress: NodeJS.WriteStream | null;
}

/** Where the rows went: the `herald start` running on the data dir, the service given by --url, or the data dir itself. */
export type ImportTarget =
  | { kind: 'running'; url: string; pid: number; workspaceId: string }
  | { kind: 'url'; url: string; workspaceId: string | null }
  | { kind: 'embedded'; dataDir: string; workspaceId: string };

export interface ImportOutcome {
  rowsRead: number;
  accepted: number;
  duplicates: number;
  /** Rejected rows (for CSV, the first 1,000; `rejectedCount` has them all). `row` is a JSON file's line. */
  rejected: { row: number; reason: string; field?: string }[];
  rejectedCount: number;
  format: string | null;
  error: { code: string; message: string } | null;
  target: ImportTarget;
}

/** Items per request for JSON, and a byte budget well under the API's body limit. */
const BATCH_ITEMS = 5000;
const BATCH_BYTES = 8 * 1024 * 1024;
/** Rejections listed, as for CSV imports; the count covers them all. */
const MAX_LISTED_REJECTIONS = 1000;
/** Rejections the summary for people shows; --json lists up to 1,000. */
const SHOWN_REJECTIONS = 10;
const JSON_EXTENSIONS = ['.json', '.jsonl', '.ndjson'];

/**
 * `herald import`: a CSV export through POST /v1/imports, or JSON items through the batch routes,
 * against a given service, the local `herald start`, or an embedded stack started for the
 * occasion (which settles, so analytics has the data, before it stops). The file is checked
 * before any service is asked or started.
 */
export async function runImportCommand(options: ImportCommandOptions): Promise<ImportOutcome> {
  const file = checkReadableFile(options.file, '--file');
  if (file.size === 0) throw new CliError(`${options.file} is empty (0 bytes): nothing to import`);
  if (!options.kind && (JSON_EXTENSIONS.includes(extname(options.file).toLowerCase()) || looksLikeJson(file.head)))
    throw jsonWithoutKind(options.file, file.head);
  if (options.kind && spreadOverLines(file.head)) throw wrappedJson(options.file, file.head);
  const mapping = options.mapping ? readMapping(options.mapping) : undefined;

  const target = await connect(options);
  try {
    const client = createIngestionClient({ baseUrl: target.url, apiKey: target.apiKey });
    const outcome = options.kind
      ? await importJson(client, options.kind, { ...options, isArray: /^[\s\uFEFF]*\[/.test(file.head) })
      : await importCsv(client, { ...options, mapping });
    await target.settle();
    return { ...outcome, target: target.describe };
  } catch (error) {
    throw await explainServiceError(error, { ...options, head: file.head }, target);
  } finally {
    await target.close();
  }
}

/** 0 when rows were imported or all were there already; 1 when nothing was: every row rejected, no rows, or the job failed. */
export function importExitCode(outcome: ImportOutcome): ExitCode {
  if (outcome.error) return EXIT.failed;
  return outcome.accepted > 0 || outcome.duplicates > 0 ? EXIT.ok : EXIT.failed;
}

interface Connection {
  url: string;
  apiKey: string;
  describe: ImportTarget;
  settle(): Promise<void>;
  close(): Promise<void>;
}

async function connect(options: ImportCommandOptions): Promise<Connection> {
  const none = async () => undefined;
  if (options.url) {
    const apiKey = options.key ?? process.env.HERALD_API_KEY;
    if (!apiKey) throw new CliError('--url needs --key (or HERALD_API_KEY): the API key of the workspace to import into', EXIT.usage);
    const url = options.url.replace(/\/$/, '');
    return { url, apiKey, describe: { kind: 'url', url, workspaceId: await workspaceOfKey(url, apiKey) }, settle: none, close: none };
  }
  const running = findRunningStack(options.dataDir);
  if (running?.urls.ingestion) {
    const { demoKeyOf } = await import('../embedded/command-stack.ts');
    const apiKey = options.key ?? demoKeyOf(options.dataDir);
    // Asked first, so that a herald that stopped answering is told as such before any upload.
    await requestRunningStack(running, `${running.urls.ingestion}/health`, {});
    return {
      url: running.urls.ingestion,
      apiKey,
      describe: { kind: 'running', url: running.urls.ingestion, pid: running.pid, workspaceId: running.workspaceId },
      settle: none,
      close: none,
    };
  }
  const { openCommandStack } = await import('../embedded/command-stack.ts');
  const stack = await openCommandStack(options);
  return {
    url: stack.urls.ingestion,
    apiKey: stack.apiKey,
    describe: { kind: 'embedded', dataDir: options.dataDir, workspaceId: options.workspaceId },
    settle: stack.settle,
    close: stack.close,
  };
}

/** The workspace a key belongs to (GET /v1/keys/self), which also proves the key before the upload. */
async function workspaceOfKey(url: string, apiKey: string): Promise<string | null> {
  let res: Response;
  try {
    res = await fetch(`${url}/v1/keys/self`, { headers: { 'x-api-key': apiKey } });
  } catch (error) {
    const reason = unreachableReason(error);
    if (reason)
      throw new CliError(`cannot reach the ingestion service at ${url}: ${reason.reason}`, EXIT.failed, [
        'check --url; `herald start` prints the ingestion URL of a local herald',
      ]);
    throw error;
  }
  if (res.status === 401)
    throw new CliError(`the ingestion service at ${url} refused the key (401)`, EXIT.failed, [
      '--key (or HERALD_API_KEY) takes a key of the workspace to import into: `herald keys create --workspace <id>` makes one',
    ]);
  if (!res.ok) return null; // an older service without the route: the import itself will tell
  return ((await res.json()) as { workspaceId?: string }).workspaceId ?? null;
}

async function importCsv(
  client: IngestionClient,
  options: Omit<ImportCommandOptions, 'mapping'> & { mapping: string | undefined },
): Promise<Omit<ImportOutcome, 'target'>> {
  const bar = progressBar(options.progress);
  bar.update(0, 1, 'uploading');
  const job = await client.startImport({
    file: await openAsBlob(options.file),
    fileName: basename(options.file),
    ...(options.format ? { format: options.format } : {}),
    ...(options.mapping ? { mapping: options.mapping } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
  });
  const done = await client.waitForImport(job.id, {
    intervalMs: 250,
    onProgress: (j: ImportJob) => bar.update(j.bytesRead, j.bytesTotal ?? 0, `${j.rowsRead.toLocaleString('en-US')} rows`),
  });
  bar.done();
  return {
    rowsRead: done.rowsRead,
    accepted: done.accepted,
    duplicates: done.duplicates,
    rejected: done.rejected,
    rejectedCount: done.rejectedCount,
    format: done.format,
    error: done.error,
  };
}

async function importJson(
  client: IngestionClient,
  kind: BatchKind,
  options: ImportCommandOptions & { isArray: boolean },
): Promise<Omit<ImportOutcome, 'target'>> {
  const format = `JSON ${options.isArray ? 'array' : 'Lines'}, ${kind}`;
  const outcome: Omit<ImportOutcome, 'target'> = { rowsRead: 0, accepted: 0, duplicates: 0, rejected: [], rejectedCount: 0, format, error: null };
  const reject = (row: number, reason: string, field?: string) => {
    outcome.rejectedCount++;
    if (outcome.rejected.length < MAX_LISTED_REJECTIONS) outcome.rejected.push({ row, reason, ...(field ? { field } : {}) });
  };
  const total = statSync(options.file).size;
  const stream = createReadStream(options.file);
  const bar = progressBar(options.progress);
  let batch: { line: number; item: unknown }[] = [];
  let batchBytes = 0;
  const send = async () => {
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    batchBytes = 0;
    // Items go out as read: the API checks each one and lists the bad ones.
    const result = await client.sendBatch(kind, sent.map((b) => b.item) as BatchItems[BatchKind][]);
    outcome.accepted += result.accepted;
    outcome.duplicates += result.duplicates;
    for (const r of result.rejected) reject(sent[r.index]?.line ?? 0, r.reason, r.field || undefined);
    bar.update(stream.bytesRead, total, `${outcome.rowsRead.toLocaleString('en-US')} items`);
  };
  for await (const read of readJsonItems(stream)) {
    outcome.rowsRead++;
    if ('error' in read) reject(read.line, read.error);
    else {
      batch.push({ line: read.line, item: read.item });
      batchBytes += read.text.length;
    }
    if (batch.length >= BATCH_ITEMS || batchBytes >= BATCH_BYTES) await send();
  }
  await send();
  bar.done();
  outcome.rejected.sort((a, b) => a.row - b.row);
  return outcome;
}

// --- the file, checked before anything starts -------------------------------------------------

/** A file that exists, is a file, and can be read, with its size and first bytes; a plain message (exit 2) otherwise. */
function checkReadableFile(path: string, flag: string): { size: number; head: string } {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new CliError(`${flag} ${path} is a folder, not a file`, EXIT.usage, folderHints(path, flag));
    size = stats.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw fileError(error, path, flag);
  }
  try {
    const fd = openSync(path, 'r');
    try {
      const bytes = Buffer.alloc(Math.min(size, 4096));
      const n = readSync(fd, bytes, 0, bytes.length, 0);
      return { size, head: bytes.subarray(0, n).toString('utf8') };
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw fileError(error, path, flag);
  }
}

function fileError(error: unknown, path: string, flag: string): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  const where = resolve(path) === path ? '' : ` (looked for ${resolve(path)})`;
  switch (code) {
    case 'ENOENT':
      return new CliError(`${flag} ${path}: no such file${where}`, EXIT.usage, nearbyFiles(path));
    case 'ENOTDIR':
      return new CliError(`${flag} ${path}: a part of the path is a file, not a folder`, EXIT.usage);
    case 'EACCES':
    case 'EPERM':
      return new CliError(`${flag} ${path}: cannot read it, permission denied`, EXIT.usage, [`\`ls -l ${path}\` shows who may read it`]);
    case 'EISDIR':
      return new CliError(`${flag} ${path} is a folder, not a file`, EXIT.usage, folderHints(path, flag));
    default:
      return new CliError(`${flag} ${path}: cannot read it (${code ?? (error as Error).message})`, EXIT.usage);
  }
}

const IMPORTABLE = /\.(csv|jsonl|ndjson|json)$/i;

function folderHints(path: string, flag: string): string[] {
  let files: string[] = [];
  try {
    files = readdirSync(path)
      .filter((f) => IMPORTABLE.test(f))
      .sort();
  } catch {
    // an unreadable folder: no list
  }
  const shown = files.slice(0, 5).map((f) => `${flag} ${relative(process.cwd(), resolve(path, f)) || f}`);
  return shown.length
    ? [
        `name one file in it, e.g. ${shown[0]}${files.length > 1 ? `\nit holds ${files.length} files to import: ${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}` : ''}`,
      ]
    : ['name the export file itself, not its folder'];
}

/** A missing file with a near twin next to it: the .csv for the .jsonl typed, or the other case. */
function nearbyFiles(path: string): string[] {
  const dir = resolve(path, '..');
  const stem = basename(path, extname(path)).toLowerCase();
  try {
    const twins = readdirSync(dir).filter((f) => IMPORTABLE.test(f) && basename(f, extname(f)).toLowerCase() === stem);
    return twins.length ? [`did you mean ${twins.map((t) => relative(process.cwd(), resolve(dir, t))).join(' or ')}?`] : [];
  } catch {
    return [];
  }
}

function readMapping(path: string): string {
  checkReadableFile(path, '--mapping');
  const text = readFileSync(path, 'utf8');
  try {
    JSON.parse(text);
  } catch (error) {
    throw new CliError(`--mapping ${path} is not valid JSON: ${(error as Error).message}`, EXIT.usage);
  }
  return text;
}

/** The same test the import lib makes: `{"…` or `[{`, `[[`, `["`, `[1`, `[]` at the start. */
const looksLikeJson = (head: string) => /^[\s\uFEFF]*(?:\{\s*"|\[\s*[{["\d\]])/.test(head);

/** The field of `{"data": [ … ` that holds the array, as far as the first bytes show. */
const arrayField = (head: string) => /^[\s\uFEFF]*\{\s*"([A-Za-z_$][\w$]*)"\s*:\s*\[/.exec(head)?.[1];

/** One object pretty-printed over several lines (`{` or `{"data": [` alone on the first line): not JSON Lines, whose lines each close. */
const spreadOverLines = (head: string) => /^[\s\uFEFF]*\{(?:[^\n]*[[{])?[ \t\r]*\n/.test(head);

function wrappedJson(file: string, head: string): CliError {
  return new CliError(
    `${file} holds one JSON object over several lines: herald import reads JSON Lines (one item per line) or a JSON array of items`,
    EXIT.usage,
    [`take the items out of the object with jq: jq -c '.${arrayField(head) ?? 'items'}[]' ${file} > items.jsonl`],
  );
}

function jsonWithoutKind(file: string, head: string): CliError {
  const kinds = BATCH_KINDS.join('|');
  const isArray = /^[\s\uFEFF]*\[/.test(head);
  return new CliError(`${file} is JSON, not a CSV export: say what its items are with --kind ${kinds}`, EXIT.usage, [
    `herald import --file ${file} --kind ${BATCH_KINDS[0]} reads JSON Lines (one item per line) or one JSON array of items, in the batch API's item shape (see the ingestion API docs)` +
      (isArray ? '' : `\nitems inside an object's field can be taken out with jq: jq -c '.${arrayField(head) ?? 'items'}[]' ${file} > items.jsonl`),
  ]);
}

// --- what the service said, told with what to do about it ------------------------------------

async function explainServiceError(error: unknown, options: ImportCommandOptions & { head: string }, target: Connection): Promise<unknown> {
  if (!(error instanceof IngestionClientError)) return error;
  const file = basename(options.file);
  const where = target.describe.kind === 'embedded' ? '' : ` (${target.url})`;
  switch (error.code) {
    case 'IMPORT_EMPTY':
      return new CliError(`nothing imported: ${error.message.replace(/^The file/, `${file}`)}`);
    case 'IMPORT_NOT_CSV':
      if (/JSON/.test(error.message)) return jsonWithoutKind(options.file, options.head);
      if (/HTML/.test(error.message))
        return new CliError(`${file} is a web page, not a CSV export (IMPORT_NOT_CSV)`, EXIT.failed, [
          'a download that needed a sign-in saves the sign-in page: download the export again from the network',
        ]);
      return new CliError(`${file}: ${error.message.replace(/^The upload/, 'the file')} (IMPORT_NOT_CSV)`);
    case 'IMPORT_UNKNOWN_FORMAT':
      return new CliError(
        `${file}: ${lowerFirst(error.message).replace('. ', ' (IMPORT_UNKNOWN_FORMAT).\n  ')}`,
        EXIT.failed,
        await unknownFormatHints(file, options, error.details),
      );
    case 'IMPORT_ENCODING':
      return new CliError(`${file}: ${error.message} (IMPORT_ENCODING)`, EXIT.failed, [
        '--encoding windows-1252 reads a CSV saved by Excel on Windows; --encoding utf-16le or utf-16be a UTF-16 file without a byte-order mark',
      ]);
    case 'IMPORT_MALFORMED':
      return new CliError(`${file}: ${error.message} (IMPORT_MALFORMED)`, EXIT.failed, [
        'open the file in a text editor at that row: a download cut short ends inside a quoted field',
      ]);
    case 'IMPORT_INVALID_OPTIONS':
      return new CliError(`${error.message} (IMPORT_INVALID_OPTIONS)`, EXIT.usage);
    case 'UNAUTHORIZED':
      return new CliError(`the ingestion service${where} refused the key: ${error.message}`, EXIT.failed, [
        '--key (or HERALD_API_KEY) takes a key of the workspace to import into',
      ]);
    case 'FORBIDDEN':
      return new CliError(`the key may not import${where}: ${error.message}`, EXIT.failed, [
        'importing needs a key with the ingest scope: herald keys create --workspace <id> --scope ingest',
      ]);
    default:
      return new CliError(`the ingestion service${where} refused the import: ${error.message} (${error.code})`);
  }
}

/**
 * An unknown header: whether the file looks like an export in a language Herald does not read
 * (which networks and languages it does read comes from the import lib's format definitions),
 * and the two options that help: --format to check against one network, --mapping for any CSV.
 */
async function unknownFormatHints(file: string, options: ImportCommandOptions, details: unknown): Promise<string[]> {
  const { EXPORT_FORMATS, rankFormats } = await import('@herald/ingestion-imports');
  const header = (details as { header?: unknown } | undefined)?.header;
  const cells = Array.isArray(header) ? header.filter((c): c is string => typeof c === 'string') : [];
  const language = (code: string) => new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  const hints: string[] = [];

  if (options.mapping) return ['the mapping names columns this header does not have: compare its "columns" with the header above'];
  // X names its exports tweet_activity_metrics_<account>_<from>_<to>_<language>.csv.
  const xLanguage = /_\d{8}_\d{8}_([a-z]{2})\.csv$/i.exec(file)?.[1]?.toLowerCase();
  const closest = cells.length ? rankFormats(cells)[0] : undefined;
  let foreign: string | null = null;
  if (xLanguage && xLanguage !== 'en') foreign = `the file name says it is an X export in ${language(xLanguage)}`;
  else if (closest && closest.matchedColumns >= 2 && closest.language !== 'en') {
    // The columns it lacks, as the file's language spells them.
    const columns = closest.format.columns as Record<string, Partial<Record<string, readonly string[]>> | undefined>;
    const spelled = closest.missing.map((m) => Object.values(columns).find((h) => h?.['en']?.[0] === m)?.[closest.language]?.[0] ?? m);
    hints.push(
      `it looks like a ${closest.format.name} in ${language(closest.language)} without the column(s) ${spelled.map((m) => `"${m}"`).join(', ')}: was it cut or edited?`,
    );
  } else if (cells.some((c) => /[^\p{ASCII}]/u.test(c))) foreign = 'its column names are not English';
  if (foreign) {
    const languagesOf = new Map<string, string[]>();
    for (const f of EXPORT_FORMATS) {
      const key = Object.keys(f.locales)
        .map(language)
        .join(', ')
        .replace(/, ([^,]+)$/, ' and $1');
      const networks = languagesOf.get(key) ?? [];
      if (!networks.includes(NETWORK_NAMES[f.family] ?? f.family)) networks.push(NETWORK_NAMES[f.family] ?? f.family);
      languagesOf.set(key, networks);
    }
    const known = [...languagesOf].map(([langs, networks]) => `${networks.join(', ').replace(/, ([^,]+)$/, ' and $1')} exports in ${langs}`).join('; ');
    hints.push(`${foreign}. Herald reads ${known}.\nExport it again with the network's language set to one of those, or import it as it is with --mapping`);
  }
  hints.push('--mapping <file.json> imports any CSV by naming its columns (libs/ingestion/imports/README.md shows one)');
  if (!options.format || options.format === 'auto')
    hints.push(`--format ${IMPORT_FORMATS.filter((f) => f !== 'auto').join('|')} checks the file against one network's export and names the columns it lacks`);
  return hints;
}

const NETWORK_NAMES: Record<string, string> = { x: 'X', facebook: 'Facebook', instagram: 'Instagram', linkedin: 'LinkedIn', tiktok: 'TikTok' };

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

// --- output ----------------------------------------------------------------------------------

/** A one-line bar on stderr, redrawn at most ten times a second; nothing when not on a terminal. */
function progressBar(out: NodeJS.WriteStream | null) {
  let last = 0;
  return {
    update(done: number, total: number, label: string) {
      if (!out || Date.now() - last < 100) return;
      last = Date.now();
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const width = 30;
      const filled = Math.round(share * width);
      out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${label}\x1b[K`);
    },
    done() {
      out?.write('\r\x1b[K');
    },
  };
}

export function describeTarget(target: ImportTarget): string {
  switch (target.kind) {
    case 'running':
      return `the running herald at ${target.url} (pid ${target.pid}, workspace "${target.workspaceId}")`;
    case 'url':
      return `the ingestion service at ${target.url}${target.workspaceId ? ` (workspace "${target.workspaceId}")` : ''}`;
    case 'embedded':
      return `the data folder ${target.dataDir} (workspace "${target.workspaceId}"; herald started for this import and stopped)`;
  }
}

/** The summary for people, or with `json` the one JSON object scripts read. */
export function formatImportOutcome(outcome: ImportOutcome, options: { json: boolean; file: string }): string {
  if (options.json) {
    const { rowsRead, accepted, duplicates, rejected, rejectedCount, error, target } = outcome;
    return `${JSON.stringify({ rowsRead, accepted, duplicates, rejected, rejectedCount, target, ...(error ? { error } : {}) })}\n`;
  }
  const name = `${basename(options.file)}${outcome.format ? ` (${outcome.format})` : ''}`;
  const unit = outcome.format?.startsWith('JSON') ? 'line' : 'row';
  const n = (v: number) => v.toLocaleString('en-US').padStart(10);
  const lines = [
    headline(outcome, name),
    `  into        ${describeTarget(outcome.target)}`,
    `  rows read   ${n(outcome.rowsRead)}`,
    `  accepted    ${n(outcome.accepted)}`,
    `  duplicates  ${n(outcome.duplicates)}`,
    `  rejected    ${n(outcome.rejectedCount)}`,
    ...outcome.rejected.slice(0, SHOWN_REJECTIONS).map((r) => `    ${unit} ${r.row}: ${r.field ? `${r.field}: ` : ''}${r.reason}`),
    ...(outcome.rejectedCount > SHOWN_REJECTIONS
      ? [
          `    … ${(outcome.rejectedCount - SHOWN_REJECTIONS).toLocaleString('en-US')} more (--json lists ${Math.min(outcome.rejected.length, MAX_LISTED_REJECTIONS).toLocaleString('en-US')})`,
        ]
      : []),
    ...(outcome.error ? [`  ${outcome.error.code}: ${outcome.error.message}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

function headline(outcome: ImportOutcome, name: string): string {
  const count = (v: number, what: string) => `${v.toLocaleString('en-US')} ${what}${v === 1 ? '' : 's'}`;
  const what = outcome.format?.startsWith('JSON') ? 'item' : 'row';
  if (outcome.error) return `Import failed: ${name}, after ${count(outcome.rowsRead, what)} (the rows counted below as accepted are stored)`;
  if (outcome.rowsRead === 0) return `Nothing imported: ${name} holds ${what === 'row' ? 'a header but no rows' : 'no items'}`;
  if (outcome.accepted === 0 && outcome.duplicates === 0)
    return `Nothing imported: ${outcome.rowsRead === 1 ? `the one ${what} of ${name} was` : `all ${count(outcome.rowsRead, what)} of ${name} were`} rejected`;
  if (outcome.accepted === 0) {
    return `Nothing new in ${name}: ${outcome.rejectedCount ? `${count(outcome.duplicates, what)} imported before (duplicates), ${outcome.rejectedCount.toLocaleString('en-US')} rejected` : `all ${count(outcome.duplicates, what)} were imported before (duplicates)`}`;
  }
  return `Imported ${name}${outcome.rejectedCount ? `: ${count(outcome.accepted, what)}, ${outcome.rejectedCount.toLocaleString('en-US')} rejected` : ''}`;
}
