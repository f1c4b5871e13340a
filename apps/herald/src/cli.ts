import { Command, InvalidArgumentError } from 'commander';

import { PeriodError } from '@herald/analytics-metrics';

import { fetchSummary, formatSummary } from './commands/analytics-summary.command.ts';
import { runAnalyze } from './commands/analyze.command.ts';
import { DLQ_SERVICES, formatDeadLetters, formatReplays, listDeadLetters, replayDeadLetters, type DlqService } from './commands/dlq.command.ts';
import { BATCH_KINDS, formatImportOutcome, IMPORT_ENCODINGS, IMPORT_FORMATS, runImportCommand, type ImportCommandOptions } from './commands/import.command.ts';
import { createKey, formatKeys, listKeys, parseScopes, revokeKey } from './commands/keys.command.ts';
import { runStart } from './commands/start.command.ts';
import { resolveDataDir } from './embedded/data-dir.ts';

const date = (flag: string) => (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError(`${flag} takes a date as YYYY-MM-DD`);
  return value;
};
const port = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65532) throw new InvalidArgumentError('a port from 0 to 65532');
  return n;
};

const oneOf =
  <T extends string>(flag: string, allowed: readonly T[]) =>
  (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`${flag} takes one of ${allowed.join(', ')}`);
    return value as T;
  };

const program = new Command('herald')
  .description('Herald: social media reporting for social media teams')
  .option('--data-dir <dir>', 'where the embedded databases live (env HERALD_DATA_DIR)', undefined)
  .showHelpAfterError();

program
  .command('start')
  .description('run all four services in one process with the in-memory bus and embedded PostgreSQL (PGlite)')
  .option('--host <host>', 'interface to listen on', process.env.HERALD_HOST ?? '127.0.0.1')
  .option('--port <port>', 'first of four ports (ingestion, listening, analytics, deck-builder); 0 picks free ones', port, Number(process.env.HERALD_PORT ?? 3001))
  .option('--workspace <id>', 'the demo workspace', 'demo')
  .option('--no-sample', 'do not load the bundled sample data on first start')
  .option('--log-level <level>', 'service log level', process.env.LOG_LEVEL ?? 'warn')
  .action(async (opts: { host: string; port: number; workspace: string; sample: boolean; logLevel: string }) => {
    await runStart({ dataDir: resolveDataDir(program.opts().dataDir), host: opts.host, port: opts.port, workspaceId: opts.workspace, sample: opts.sample, logLevel: opts.logLevel });
  });

const analytics = program.command('analytics').description('reporting data and KPIs');
analytics
  .command('summary')
  .description('headline KPIs for a period: posts, impressions, engagements, engagement rate, mentions, average sentiment')
  .requiredOption('--from <YYYY-MM-DD>', 'first day, inclusive', date('--from'))
  .requiredOption('--to <YYYY-MM-DD>', 'end day, exclusive', date('--to'))
  .option('--workspace <id>', 'workspace', 'demo')
  .option('--json', 'print one JSON object keyed by metric name')
  .action(async (opts: { from: string; to: string; workspace: string; json?: boolean }) => {
    const options = { dataDir: resolveDataDir(program.opts().dataDir), from: opts.from, to: opts.to, workspaceId: opts.workspace, json: Boolean(opts.json) };
    try {
      process.stdout.write(formatSummary(await fetchSummary(options), options));
    } catch (error) {
      if (error instanceof PeriodError) {
        process.stderr.write(`herald: --${error.field}: ${error.message.replace(/^\w+: /, '')}\n`);
        process.exit(2);
      }
      throw error;
    }
  });

program
  .command('analyze')
  .description('score JSON lines {"id","text","language"?} from stdin: one line out per line in, with sentiment and intent')
  .action(async () => {
    process.exitCode = await runAnalyze({ input: process.stdin, output: process.stdout, errors: process.stderr });
  });

program
  .command('import')
  .description('import a CSV export (X, Facebook, Instagram, LinkedIn, TikTok; any CSV with --mapping) or JSON Lines of batch items (--kind)')
  .requiredOption('--file <path>', 'the CSV export, or a .jsonl file of items in the batch API shape')
  .option('--format <format>', `the export to expect: ${IMPORT_FORMATS.join('|')}`, oneOf('--format', IMPORT_FORMATS))
  .option('--mapping <file>', 'a column mapping (JSON) for a CSV that is no native export')
  .option('--time-zone <zone>', 'IANA zone for dates written without an offset (default UTC)')
  .option('--encoding <encoding>', `the file's text encoding: ${IMPORT_ENCODINGS.join('|')}`, oneOf('--encoding', IMPORT_ENCODINGS))
  .option('--kind <kind>', `what a JSON Lines file holds: ${BATCH_KINDS.join('|')}`, oneOf('--kind', BATCH_KINDS))
  .option('--url <url>', 'base URL of a running ingestion service (default: the local herald, started for the import if not running)')
  .option('--key <key>', 'API key for --url (env HERALD_API_KEY)')
  .option('--workspace <id>', 'workspace of a local herald started for the import', 'demo')
  .option('--json', 'print one JSON object: rowsRead, accepted, duplicates, rejected')
  .action(async (opts: Pick<ImportCommandOptions, 'file' | 'kind' | 'format' | 'mapping' | 'timeZone' | 'encoding' | 'url' | 'key'> & { workspace: string; json?: boolean }) => {
    const { workspace, json, ...rest } = opts;
    const outcome = await runImportCommand({ ...rest, dataDir: resolveDataDir(program.opts().dataDir), workspaceId: workspace, progress: process.stderr.isTTY ? process.stderr : null });
    process.stdout.write(formatImportOutcome(outcome, { json: Boolean(json), file: opts.file }));
    if (outcome.error) process.exitCode = 1;
  });

const keys = program.command('keys').description('workspace API keys: create, list, revoke (on the running herald, or the data dir)');
const scopes = (value: string) => {
  try {
    return parseScopes(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
};
keys
  .command('create')
  .description('a new key for a workspace, created when it does not exist; the key is printed once')
  .requiredOption('--workspace <id>', 'the workspace')
  .option('--scope <scopes>', 'comma-separated: ingest, read, admin, operator (default ingest,read)', scopes)
  .option('--name <name>', 'what the key is for', 'cli')
  .option('--json', 'print the key and its details as JSON')
  .action(async (opts: { workspace: string; scope?: ReturnType<typeof parseScopes>; name: string; json?: boolean }) => {
    const created = await createKey({ dataDir: resolveDataDir(program.opts().dataDir) }, { workspaceId: opts.workspace, name: opts.name, ...(opts.scope ? { scopes: opts.scope } : {}) });
    if (opts.json) process.stdout.write(`${JSON.stringify(created)}\n`);
    else
      process.stdout.write(
        `${created.key}\n` +
          `key ${created.info.id} for workspace "${created.info.workspaceId}"${created.workspaceCreated ? ' (workspace created)' : ''}, scopes ${created.info.scopes.join(',')}\n` +
          'Keep it now: it is stored only as a hash and cannot be shown again.\n',
      );
  });
keys
  .command('list')
  .description('keys with their scopes and last use (never the keys themselves)')
  .option('--workspace <id>', 'only this workspace (default: all in the data dir; the demo workspace on a running herald)')
  .option('--json', 'print JSON')
  .action(async (opts: { workspace?: string; json?: boolean }) => {
    const list = await listKeys({ dataDir: resolveDataDir(program.opts().dataDir) }, opts.workspace);
    process.stdout.write(opts.json ? `${JSON.stringify(list)}\n` : formatKeys(list));
  });
keys
  .command('revoke <id>')
  .description('revoke a key: refused from then on (other services within 30 s)')
  .option('--workspace <id>', "the key's workspace (needed on a running herald for keys outside the demo workspace)")
  .action(async (id: string, opts: { workspace?: string }) => {
    const revoked = await revokeKey({ dataDir: resolveDataDir(program.opts().dataDir) }, { id, ...(opts.workspace ? { workspaceId: opts.workspace } : {}) });
    process.stdout.write(`revoked ${revoked.id} (${revoked.name}, workspace "${revoked.workspaceId}")\n`);
  });
const dlq = program.command('dlq').description('events the consumers dead-lettered: list them, replay them once the cause is fixed');
dlq
  .command('list')
  .description('dead letters of a workspace, newest first, with their error')
  .option('--service <service>', `only one service: ${DLQ_SERVICES.join('|')}`, oneOf('--service', DLQ_SERVICES))
  .option('--workspace <id>', 'workspace', 'demo')
  .option('--json', 'print a JSON array')
  .action(async (opts: { service?: DlqService; workspace: string; json?: boolean }) => {
    const letters = await listDeadLetters({ dataDir: resolveDataDir(program.opts().dataDir), workspaceId: opts.workspace, ...(opts.service ? { service: opts.service } : {}) });
    process.stdout.write(formatDeadLetters(letters, { json: Boolean(opts.json) }));
  });
dlq
  .command('replay')
  .description('run the consumer again on a dead letter (--id), or on every one not replayed yet; replaying twice changes nothing')
  .option('--id <id>', 'the dead letter to replay')
  .option('--service <service>', `only one service: ${DLQ_SERVICES.join('|')}`, oneOf('--service', DLQ_SERVICES))
  .option('--workspace <id>', 'workspace', 'demo')
  .option('--json', 'print a JSON array')
  .action(async (opts: { id?: string; service?: DlqService; workspace: string; json?: boolean }) => {
    const results = await replayDeadLetters({
      dataDir: resolveDataDir(program.opts().dataDir),
      workspaceId: opts.workspace,
      ...(opts.service ? { service: opts.service } : {}),
      ...(opts.id ? { id: opts.id } : {}),
    });
    process.stdout.write(formatReplays(results, { json: Boolean(opts.json) }));
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`herald: ${(error as Error).message}\n`);
  process.exit(1);
}
