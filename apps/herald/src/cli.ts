import { Command, Option } from 'commander';

import {
  BATCH_KINDS,
  BREAKDOWN_BY,
  count,
  date,
  DLQ_SERVICES,
  finiteNumber,
  IMPORT_ENCODINGS,
  IMPORT_FORMATS,
  INTERVALS,
  oneOf,
  parseScopes,
  PERFORMANCE_BY,
  port,
  type DlqService,
} from './cli-options.ts';
import { describeError, EXIT, EXIT_CODES_HELP } from './cli-error.ts';
import { resolveDataDir } from './embedded/data-dir.ts';

// Start-up loads commander and the small modules above, nothing more: `herald --help` and a
// mistyped option answer at once. Each action imports its command when it runs; the specifiers
// stay string literals so that a bundler can follow them into chunks of their own.

const program = new Command('herald')
  .description('Herald: social media reporting for social media teams')
  .option('--data-dir <dir>', 'where the embedded databases live (env HERALD_DATA_DIR)', undefined)
  .showHelpAfterError('(herald --help lists the commands; herald <command> --help their options)')
  .addHelpText('after', EXIT_CODES_HELP)
  // A usage error (unknown option, bad value) exits 2, like the commands' own usage errors; help exits 0.
  .exitOverride((error) => process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage));

const dataDir = () => resolveDataDir(program.opts<{ dataDir?: string }>().dataDir);

program
  .command('start')
  .description('run all four services in one process with the in-memory bus and embedded PostgreSQL (PGlite)')
  .option('--host <host>', 'interface to listen on', process.env.HERALD_HOST ?? '127.0.0.1')
  .option(
    '--port <port>',
    'first of four ports (ingestion, listening, analytics, deck-builder); 0 picks free ones',
    port,
    Number(process.env.HERALD_PORT ?? 3001),
  )
  .option('--workspace <id>', 'the demo workspace', 'demo')
  .option('--no-sample', 'do not load the bundled sample data on first start')
  .option('--log-level <level>', 'service log level', process.env.LOG_LEVEL ?? 'warn')
  .action(async (opts: { host: string; port: number; workspace: string; sample: boolean; logLevel: string }) => {
    const { runStart } = await import('./commands/start.command.ts');
    await runStart({ dataDir: dataDir(), host: opts.host, port: opts.port, workspaceId: opts.workspace, sample: opts.sample, logLevel: opts.logLevel });
  });

const analytics = program.command('analytics').description('reporting data and KPIs, from the running herald or the data dir');

/** The options every analytics table shares: the period, its zone, a network, the workspace, the output. */
function periodCommand(name: string, description: string, options: { csv: boolean } = { csv: true }): Command {
  const command = analytics
    .command(name)
    .description(description)
    .requiredOption('--from <YYYY-MM-DD>', 'first day, inclusive', date('--from'))
    .requiredOption('--to <YYYY-MM-DD>', 'end day, exclusive', date('--to'))
    .option('--time-zone <zone>', "IANA zone the days are read in (default: the workspace's)")
    .option('--network <network>', "only this network's posts, mentions and followers")
    .option('--workspace <id>', 'workspace (a running herald answers for its demo workspace)', 'demo')
    .option('--json', "print the API's JSON");
  if (options.csv) command.addOption(new Option('--csv', "print the API's CSV").conflicts('json'));
  return command;
}

interface PeriodFlags {
  from: string;
  to: string;
  timeZone?: string;
  network?: string;
  workspace: string;
  json?: boolean;
  csv?: boolean;
}
const tableOptions = (opts: PeriodFlags) => ({
  dataDir: dataDir(),
  workspaceId: opts.workspace,
  from: opts.from,
  to: opts.to,
  ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
  ...(opts.network ? { network: opts.network } : {}),
  json: Boolean(opts.json),
  csv: Boolean(opts.csv),
});

periodCommand('summary', 'headline KPIs for a period: posts, impressions, reach, engagements, engagement rate, followers, mentions, net sentiment', {
  csv: false,
}).action(async (opts: PeriodFlags) => {
  const { fetchSummary, formatSummary } = await import('./commands/analytics-summary.command.ts');
  const options = tableOptions(opts);
  process.stdout.write(formatSummary(await fetchSummary(options), options));
});

periodCommand('timeseries', 'KPIs per calendar day, ISO week or month; a post counts in the bucket it was published in')
  .option('--interval <interval>', INTERVALS.join('|'), oneOf('--interval', INTERVALS), 'day')
  .action(async (opts: PeriodFlags & { interval: (typeof INTERVALS)[number] }) => {
    const { runTimeseries } = await import('./commands/analytics-tables.command.ts');
    process.stdout.write(await runTimeseries({ ...tableOptions(opts), interval: opts.interval }));
  });

periodCommand('breakdown', 'post metrics per network, profile, content type, tag or campaign, most engagements first')
  .requiredOption('--by <dimension>', BREAKDOWN_BY.join('|'), oneOf('--by', BREAKDOWN_BY))
  .action(async (opts: PeriodFlags & { by: string }) => {
    const { runBreakdown } = await import('./commands/analytics-tables.command.ts');
    process.stdout.write(await runBreakdown({ ...tableOptions(opts), by: opts.by }));
  });

periodCommand('best-times', 'weekday × hour cells in the zone, best engagement rate first (--json and --csv: all 168)')
  .option('--top <n>', 'how many cells to list', count('--top'), 10)
  .option('--min-posts <n>', 'only cells with this many posts behind them: one post is an anecdote, not a best time', count('--min-posts'), 2)
  .action(async (opts: PeriodFlags & { top: number; minPosts: number }) => {
    const { runBestTimes } = await import('./commands/analytics-tables.command.ts');
    process.stdout.write(await runBestTimes({ ...tableOptions(opts), top: opts.top, minPosts: opts.minPosts }));
  });

interface AgainstFlags {
  against?: 'previous' | 'year';
  againstFrom?: string;
  againstTo?: string;
}
const againstFlags = (command: Command) =>
  command
    .option(
      '--against <period>',
      'previous (the previous calendar period, default) or year (the same period a year earlier)',
      oneOf('--against', ['previous', 'year'] as const),
    )
    .option('--against-from <YYYY-MM-DD>', 'compare against this range instead: its first day', date('--against-from'))
    .option('--against-to <YYYY-MM-DD>', 'and its end day, exclusive', date('--against-to'));
const againstOptions = (opts: AgainstFlags) => ({
  ...(opts.against ? { against: opts.against } : {}),
  ...(opts.againstFrom ? { againstFrom: opts.againstFrom } : {}),
  ...(opts.againstTo ? { againstTo: opts.againstTo } : {}),
});

againstFlags(periodCommand('compare', 'every metric against another period: counts change in percent, rates in points (pp)', { csv: false })).action(
  async (opts: PeriodFlags & AgainstFlags) => {
    const { runCompare } = await import('./commands/analytics-compare.command.ts');
    process.stdout.write(await runCompare({ ...tableOptions(opts), ...againstOptions(opts) }));
  },
);

againstFlags(
  periodCommand('contributors', 'what moved a metric between two periods: drivers and detractors by network, content type, campaign or post', { csv: false }),
)
  .requiredOption('--by <dimension>', 'network|profile|content-type|tag|campaign|post', oneOf('--by', [...BREAKDOWN_BY, 'post'] as const))
  .option('--metric <metric>', 'a post metric (default engagements): posts, impressions, reach, engagements, likes, …, engagementRate')
  .option('--limit <n>', 'drivers and detractors each', count('--limit'), 5)
  .action(async (opts: PeriodFlags & AgainstFlags & { by: string; metric?: string; limit: number }) => {
    const { runContributors } = await import('./commands/analytics-compare.command.ts');
    process.stdout.write(
      await runContributors({
        ...tableOptions(opts),
        ...againstOptions(opts),
        by: opts.by,
        ...(opts.metric ? { metric: opts.metric } : {}),
        limit: opts.limit,
      }),
    );
  });

periodCommand('top-posts', 'the period’s posts ranked by a metric (rates: posts with 100+ impressions)')
  .option('--metric <metric>', 'a post metric (default engagements)')
  .option('--bottom', 'lowest first')
  .option('--limit <n>', 'how many posts', count('--limit'), 10)
  .action(async (opts: PeriodFlags & { metric?: string; bottom?: boolean; limit: number }) => {
    const { runTopPosts } = await import('./commands/analytics-compare.command.ts');
    process.stdout.write(
      await runTopPosts({ ...tableOptions(opts), ...(opts.metric ? { metric: opts.metric } : {}), bottom: Boolean(opts.bottom), limit: opts.limit }),
    );
  });

periodCommand('content', 'which content types, tags, lengths, posting hours or weekdays perform best, where enough posts stand behind a group')
  .requiredOption('--by <dimension>', PERFORMANCE_BY.join('|'), oneOf('--by', PERFORMANCE_BY))
  .option('--metric <metric>', 'ranked by (default engagementRate); counts rank per post')
  .option('--min-posts <n>', 'groups with fewer posts are not ranked', count('--min-posts'), 5)
  .action(async (opts: PeriodFlags & { by: string; metric?: string; minPosts: number }) => {
    const { runContentPerformance } = await import('./commands/analytics-content.command.ts');
    process.stdout.write(
      await runContentPerformance({ ...tableOptions(opts), by: opts.by, ...(opts.metric ? { metric: opts.metric } : {}), minPosts: opts.minPosts }),
    );
  });

analytics
  .command('pivot')
  .description('the days after a change the team made (a new format, a new posting time) against as many days before it')
  .requiredOption('--date <YYYY-MM-DD>', 'the day of the change: the first day after it', date('--date'))
  .option('--days <n>', 'days on each side', count('--days'), 28)
  .option('--time-zone <zone>', "IANA zone the days are read in (default: the workspace's)")
  .option('--network <network>', 'only this network')
  .option('--workspace <id>', 'workspace', 'demo')
  .option('--json', "print the API's JSON")
  .action(async (opts: { date: string; days: number; timeZone?: string; network?: string; workspace: string; json?: boolean }) => {
    const { runPivot } = await import('./commands/analytics-content.command.ts');
    const { date: day, days, workspace, json, ...rest } = opts;
    process.stdout.write(await runPivot({ dataDir: dataDir(), workspaceId: workspace, date: day, days, json: Boolean(json), csv: false, ...rest }));
  });

const competitors = program.command('competitors').description("competitors' profiles: mark them, and see them side by side with the own");
competitors
  .command('mark')
  .description("report a profile as a competitor's (out of the own totals)")
  .requiredOption('--network <network>', 'its network')
  .requiredOption('--profile <id>', 'its profile id, as its posts carry it')
  .requiredOption('--competitor <name>', 'whose it is')
  .option('--workspace <id>', 'workspace', 'demo')
  .action(async (opts: { network: string; profile: string; competitor: string; workspace: string }) => {
    const { markCompetitor } = await import('./commands/competitors.command.ts');
    process.stdout.write(
      await markCompetitor(
        { dataDir: dataDir(), workspaceId: opts.workspace },
        { network: opts.network, profileId: opts.profile, competitor: opts.competitor },
      ),
    );
  });
competitors
  .command('unmark')
  .description("the profile is the workspace's own again")
  .requiredOption('--network <network>', 'its network')
  .requiredOption('--profile <id>', 'its profile id')
  .option('--workspace <id>', 'workspace', 'demo')
  .action(async (opts: { network: string; profile: string; workspace: string }) => {
    const { unmarkCompetitor } = await import('./commands/competitors.command.ts');
    process.stdout.write(await unmarkCompetitor({ dataDir: dataDir(), workspaceId: opts.workspace }, { network: opts.network, profileId: opts.profile }));
  });
competitors
  .command('list')
  .description('the marked profiles')
  .option('--workspace <id>', 'workspace', 'demo')
  .option('--json', "print the API's JSON")
  .action(async (opts: { workspace: string; json?: boolean }) => {
    const { listCompetitors } = await import('./commands/competitors.command.ts');
    process.stdout.write(await listCompetitors({ dataDir: dataDir(), workspaceId: opts.workspace }, Boolean(opts.json)));
  });
periodCommand('competitors', 'the own profiles and each competitor side by side').action(async (opts: PeriodFlags) => {
  const { compareCompetitors } = await import('./commands/competitors.command.ts');
  process.stdout.write(await compareCompetitors(tableOptions(opts)));
});

const goals = program.command('goals').description('targets for a metric over a period, with progress, pace, forecast and status');
goals
  .command('set')
  .description('set a goal, e.g. 50,000 engagements in March: --metric engagements --target 50000 --from 2026-03-01 --to 2026-04-01')
  .requiredOption('--metric <metric>', 'a metric name (GET /v1/analytics/metrics lists them): engagements, posts, impressions, followers, engagementRate, …')
  .requiredOption(
    '--target <n>',
    'a total for counts; the level to be at by the end for followers, rates and scores (rates as ratios: 0.05)',
    finiteNumber('--target'),
  )
  .requiredOption('--from <YYYY-MM-DD>', 'first day, inclusive', date('--from'))
  .requiredOption('--to <YYYY-MM-DD>', 'end day, exclusive', date('--to'))
  .option('--time-zone <zone>', "IANA zone of the goal's days (default: the workspace's)")
  .option('--network <network>', 'only this network')
  .option('--campaign <campaign>', "only this campaign's posts")
  .option('--name <name>', 'what the team calls it')
  .option('--workspace <id>', 'workspace', 'demo')
  .option('--json', "print the API's JSON")
  .action(
    async (opts: {
      metric: string;
      target: number;
      from: string;
      to: string;
      timeZone?: string;
      network?: string;
      campaign?: string;
      name?: string;
      workspace: string;
      json?: boolean;
    }) => {
      const { formatGoal, setGoal } = await import('./commands/goals.command.ts');
      const { workspace, json, ...input } = opts;
      const { goal, text } = await setGoal({ dataDir: dataDir(), workspaceId: workspace }, input);
      process.stdout.write(json ? `${text.trim()}\n` : `Goal set.\n${formatGoal(goal)}`);
    },
  );
goals
  .command('list')
  .description('every goal with its progress, expected progress by now, forecast and status')
  .option('--at <date>', 'judge them as of this day (YYYY-MM-DD in the workspace zone) or instant (ISO with offset); default now')
  .option('--workspace <id>', 'workspace', 'demo')
  .option('--json', "print the API's JSON")
  .addOption(new Option('--csv', "print the API's CSV").conflicts('json'))
  .action(async (opts: { at?: string; workspace: string; json?: boolean; csv?: boolean }) => {
    const { formatGoals, listGoals } = await import('./commands/goals.command.ts');
    const { goals: list, text } = await listGoals(
      { dataDir: dataDir(), workspaceId: opts.workspace },
      { ...(opts.at ? { at: opts.at } : {}), csv: Boolean(opts.csv) },
    );
    process.stdout.write(opts.csv ? text : opts.json ? `${text.trim()}\n` : formatGoals(list));
  });
goals
  .command('delete <id>')
  .description('delete a goal')
  .option('--workspace <id>', 'workspace', 'demo')
  .action(async (id: string, opts: { workspace: string }) => {
    const { deleteGoal } = await import('./commands/goals.command.ts');
    await deleteGoal({ dataDir: dataDir(), workspaceId: opts.workspace }, id);
    process.stdout.write(`deleted goal ${id}\n`);
  });

program
  .command('analyze')
  .description('score JSON lines {"id","text","language"?} from stdin: one line out per line in, with sentiment and intent')
  .action(async () => {
    const { runAnalyze } = await import('./commands/analyze.command.ts');
    process.exitCode = await runAnalyze({ input: process.stdin, output: process.stdout, errors: process.stderr });
  });

program
  .command('import')
  .description('import a CSV export (X, Facebook, Instagram, LinkedIn, TikTok; any CSV with --mapping), or JSON items (--kind): JSON Lines or a JSON array')
  .requiredOption('--file <path>', 'the CSV export, or a .jsonl/.json file of items in the batch API shape (with --kind)')
  .option('--format <format>', `the export to expect: ${IMPORT_FORMATS.join('|')}`, oneOf('--format', IMPORT_FORMATS))
  .option('--mapping <file>', 'a column mapping (JSON) for a CSV that is no native export')
  .option('--time-zone <zone>', 'IANA zone for dates written without an offset (default UTC)')
  .option('--encoding <encoding>', `the file's text encoding: ${IMPORT_ENCODINGS.join('|')}`, oneOf('--encoding', IMPORT_ENCODINGS))
  .option('--kind <kind>', `what a JSON file holds, one item per line or as one array: ${BATCH_KINDS.join('|')}`, oneOf('--kind', BATCH_KINDS))
  .option('--url <url>', 'base URL of a running ingestion service (default: the local herald, started for the import if not running)')
  .option('--key <key>', 'API key for --url (env HERALD_API_KEY)')
  .option('--workspace <id>', 'workspace of a local herald started for the import', 'demo')
  .option('--json', 'print one JSON object: rowsRead, accepted, duplicates, rejected, target')
  .addHelpText(
    'after',
    `
Exit codes:
  0  rows imported, or every row already there (duplicates)
  1  nothing imported: every row rejected, an empty file, a file the service refused, or no service to reach
  2  cannot run as typed: a bad option; a file that is missing, a folder or unreadable; JSON without --kind`,
  )
  .action(
    async (opts: {
      file: string;
      kind?: (typeof BATCH_KINDS)[number];
      format?: (typeof IMPORT_FORMATS)[number];
      mapping?: string;
      timeZone?: string;
      encoding?: (typeof IMPORT_ENCODINGS)[number];
      url?: string;
      key?: string;
      workspace: string;
      json?: boolean;
    }) => {
      const { runImportCommand, formatImportOutcome, importExitCode } = await import('./commands/import.command.ts');
      const { workspace, json, ...rest } = opts;
      const outcome = await runImportCommand({ ...rest, dataDir: dataDir(), workspaceId: workspace, progress: process.stderr.isTTY ? process.stderr : null });
      process.stdout.write(formatImportOutcome(outcome, { json: Boolean(json), file: opts.file }));
      process.exitCode = importExitCode(outcome);
    },
  );

const keys = program.command('keys').description('workspace API keys: create, list, revoke (on the running herald, or the data dir)');
keys
  .command('create')
  .description('a new key for a workspace, created when it does not exist; the key is printed once')
  .requiredOption('--workspace <id>', 'the workspace')
  .option('--scope <scopes>', 'comma-separated: ingest, read, admin, operator (default ingest,read)', parseScopes)
  .option('--name <name>', 'what the key is for', 'cli')
  .option('--json', 'print the key and its details as JSON')
  .action(async (opts: { workspace: string; scope?: ReturnType<typeof parseScopes>; name: string; json?: boolean }) => {
    const { createKey } = await import('./commands/keys.command.ts');
    const created = await createKey({ dataDir: dataDir() }, { workspaceId: opts.workspace, name: opts.name, ...(opts.scope ? { scopes: opts.scope } : {}) });
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
    const { formatKeys, listKeys } = await import('./commands/keys.command.ts');
    const list = await listKeys({ dataDir: dataDir() }, opts.workspace);
    process.stdout.write(opts.json ? `${JSON.stringify(list)}\n` : formatKeys(list));
  });
keys
  .command('revoke <id>')
  .description('revoke a key: refused from then on (other services within 30 s)')
  .option('--workspace <id>', "the key's workspace (needed on a running herald for keys outside the demo workspace)")
  .action(async (id: string, opts: { workspace?: string }) => {
    const { revokeKey } = await import('./commands/keys.command.ts');
    const revoked = await revokeKey({ dataDir: dataDir() }, { id, ...(opts.workspace ? { workspaceId: opts.workspace } : {}) });
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
    const { formatDeadLetters, listDeadLetters } = await import('./commands/dlq.command.ts');
    const letters = await listDeadLetters({ dataDir: dataDir(), workspaceId: opts.workspace, ...(opts.service ? { service: opts.service } : {}) });
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
    const { formatReplays, replayDeadLetters } = await import('./commands/dlq.command.ts');
    const results = await replayDeadLetters({
      dataDir: dataDir(),
      workspaceId: opts.workspace,
      ...(opts.service ? { service: opts.service } : {}),
      ...(opts.id ? { id: opts.id } : {}),
    });
    process.stdout.write(formatReplays(results, { json: Boolean(opts.json) }));
    if (results.some((r) => !r.ok)) process.exitCode = EXIT.failed;
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const { text, exitCode } = describeError(error);
  process.stderr.write(text);
  process.exit(exitCode);
}
