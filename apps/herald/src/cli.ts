import { Command, InvalidArgumentError } from 'commander';

import { PeriodError } from '@herald/analytics-metrics';

import { fetchSummary, formatSummary } from './commands/analytics-summary.command.ts';
import { runAnalyze } from './commands/analyze.command.ts';
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

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`herald: ${(error as Error).message}\n`);
  process.exit(1);
}
