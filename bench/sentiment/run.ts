/**
 * Sentiment evaluation: `npx tsx bench/sentiment/run.ts [--half test|fit|all] [--fit] [--write]`.
 * Reports on the held-out "test" half by default; `--fit` re-runs the parameter search on the
 * "fit" half; `--write` stores the report in RESULTS.md beside this file.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { DEFAULT_SENTIMENT_PARAMETERS } from '@herald/listening-sentiment';

import { loadDatasets, SPLIT_SEED, type Dataset, type Half } from './datasets.ts';
import { FIT_SETS, fitParameters, sameParameters } from './fit.ts';
import { computeMetrics, type Metrics, type Prediction } from './metrics.ts';
import { afinnScorer, heraldScorer, naturalScorer, vaderScorer, type Scorer } from './scorers.ts';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');

const { values: args } = parseArgs({
  options: {
    half: { type: 'string', default: 'test' },
    fit: { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
    data: { type: 'string' },
  },
});
const half = args.half as Half | 'all';
if (half !== 'test' && half !== 'fit' && half !== 'all') throw new Error(`--half must be test, fit or all, not ${args.half}`);
const dataRoot = resolve(args.data ?? process.env.HERALD_SHARED_DATA ?? join(repoRoot, '..', 'shared', 'data'));

const datasets = loadDatasets(dataRoot);
const lines: string[] = [];
const out = (line = '') => {
  lines.push(line);
  console.log(line);
};

const pct = (x: number) => x.toFixed(3);
const int = (x: number) => Math.round(x).toLocaleString('en-US');

const WARM_UP = 2_000;
/** The machine is shared: each scorer is timed over this many full passes and the fastest counts. */
const TIMED_PASSES = 2;

interface Run {
  scorer: Scorer;
  predictions: Map<string, Prediction[]>;
  docsPerSecond: number;
  setDocsPerSecond: Map<string, number>;
}

/**
 * Every scorer reads every text of every set (both halves), after the same warm-up: 2,000 texts
 * taken evenly across the sets, so that every code path has been compiled before the clock runs.
 */
function runScorer(scorer: Scorer, sets: readonly Dataset[]): Run {
  const all = sets.flatMap((d) => d.items.map((i) => i.text));
  const step = Math.max(1, Math.floor(all.length / WARM_UP));
  for (let i = 0; i < all.length; i += step) scorer.score(all[i] ?? '');
  const predictions = new Map<string, Prediction[]>();
  const setDocsPerSecond = new Map<string, number>();
  let bestMs = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    let totalMs = 0;
    for (const set of sets) {
      const start = performance.now();
      const scored = set.items.map((item) => scorer.score(item.text));
      const ms = performance.now() - start;
      if (pass === 0) predictions.set(set.name, scored);
      const rate = (set.items.length / ms) * 1000;
      setDocsPerSecond.set(set.name, Math.max(setDocsPerSecond.get(set.name) ?? 0, rate));
      totalMs += ms;
    }
    bestMs = Math.min(bestMs, totalMs);
  }
  const totalDocs = sets.reduce((a, d) => a + d.items.length, 0);
  return { scorer, predictions, docsPerSecond: (totalDocs / bestMs) * 1000, setDocsPerSecond };
}

if (args.fit) {
  out(`## Parameter fit: coordinate search on the "fit" halves of ${FIT_SETS.join(', ')} (mean macro-F1)`);
  out();
  const fitted = fitParameters(datasets, (line) => out(`    ${line}`));
  out();
  if (sameParameters(fitted.parameters)) {
    out(`The library's DEFAULT_SENTIMENT_PARAMETERS are the fitted ones: ${JSON.stringify(DEFAULT_SENTIMENT_PARAMETERS)}.`);
  } else {
    out(
      `**The library's DEFAULT_SENTIMENT_PARAMETERS ${JSON.stringify(DEFAULT_SENTIMENT_PARAMETERS)} differ from this fit ${JSON.stringify(fitted.parameters)}.**`,
    );
  }
  out();
}

const scorers: Scorer[] = [
  heraldScorer('herald (language detected)'),
  heraldScorer('herald (language given: en)', 'en'),
  vaderScorer(),
  afinnScorer(),
  naturalScorer(),
];
const runs = scorers.map((s) => runScorer(s, datasets));

const reported = (d: Dataset) => d.items.map((item, index) => ({ item, index })).filter(({ item }) => half === 'all' || item.half === half);

out(`## Sentiment evaluation: ${half === 'all' ? 'all items' : `the "${half}" half`} of each set`);
out();
out(`Split: FNV-1a of "${SPLIT_SEED}:<set>:<id>", even → fit, odd → test. Parameters: ${JSON.stringify(DEFAULT_SENTIMENT_PARAMETERS)}.`);
out(`Gold: VADER sets by mean human rating (≥ 0.5 positive, ≤ -0.5 negative, else neutral); the others by their own labels.`);
out(
  `Machine: ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`,
);
out();

const metricsBy = new Map<string, Map<string, Metrics>>();
for (const set of datasets) {
  const picked = reported(set);
  const golds = picked.map(({ item }) => item.gold);
  const counts = { negative: 0, neutral: 0, positive: 0 };
  for (const g of golds) counts[g]++;
  out(`### ${set.name}: ${int(golds.length)} items (${counts.negative} negative, ${counts.neutral} neutral, ${counts.positive} positive)`);
  out();
  out('| analyzer | accuracy | macro-F1 | binary accuracy | docs/s |');
  out('| --- | ---: | ---: | ---: | ---: |');
  for (const run of runs) {
    const all = run.predictions.get(set.name) ?? [];
    const metrics = computeMetrics(
      golds,
      picked.map(({ index }) => all[index] as Prediction),
    );
    const bySet = metricsBy.get(run.scorer.name) ?? new Map<string, Metrics>();
    bySet.set(set.name, metrics);
    metricsBy.set(run.scorer.name, bySet);
    out(
      `| ${run.scorer.name} | ${pct(metrics.accuracy)} | ${pct(metrics.macroF1)} | ${pct(metrics.binaryAccuracy)} | ${int(run.setDocsPerSecond.get(set.name) ?? 0)} |`,
    );
  }
  out();
}

const vader = runs.find((r) => r.scorer.name.startsWith('vader'));
out('### Summary: macro-F1 by set, and speed over all texts of all sets');
out();
out(`| analyzer | ${datasets.map((d) => d.name).join(' | ')} | mean | docs/s | × VADER |`);
out(`| --- | ${datasets.map(() => '---:').join(' | ')} | ---: | ---: | ---: |`);
for (const run of runs) {
  const bySet = metricsBy.get(run.scorer.name);
  const f1s = datasets.map((d) => bySet?.get(d.name)?.macroF1 ?? 0);
  const mean = f1s.reduce((a, b) => a + b, 0) / f1s.length;
  const ratio = vader ? run.docsPerSecond / vader.docsPerSecond : 0;
  out(`| ${run.scorer.name} | ${f1s.map(pct).join(' | ')} | ${pct(mean)} | ${int(run.docsPerSecond)} | ${ratio.toFixed(1)} |`);
}
out();
out('Labels: herald by its fitted neutral band; VADER by compound ≥ 0.05 / ≤ -0.05; sentiment and natural by the sign of the score.');
out('Binary accuracy: items with a non-neutral gold label, judged by the sign of the score; a score of 0 counts as a miss.');
out(
  `Speed: all ${int(datasets.reduce((a, d) => a + d.items.length, 0))} texts, the faster of ${TIMED_PASSES} passes, after a ${int(WARM_UP)}-text warm-up; single thread.`,
);

if (args.write) {
  const header = [
    '# Sentiment evaluation results',
    '',
    'Produced by `npm run bench:sentiment -- --fit --write` (`npx tsx bench/sentiment/run.ts --fit --write`). Data sets and their sources:',
    '`shared/data/*/README.md` (VADER ground truth: Hutto & Gilbert, ICWSM 2014, MIT; Sentiment140 test set: Go, Bhayani & Huang 2009;',
    'Twitter US Airline Sentiment: CrowdFlower, CC BY-NC-SA 4.0, evaluation only). Do not edit by hand: re-run the bench.',
    '',
  ];
  writeFileSync(join(here, 'RESULTS.md'), [...header, ...lines, ''].join('\n'));
  console.log(`\nWrote ${join(here, 'RESULTS.md')}`);
}
