/**
 * How long the listening analyzers take on hostile texts: `npx tsx bench/listening/hostile-texts.ts`.
 *
 * The unit tests check that these texts are analysed correctly; how fast is a question for a
 * benchmark, on a machine that is not busy with other work. Each case is run a few times and its
 * fastest run compared with its budget (a regular expression gone quadratic blows far past it);
 * the exit code is 1 when any case is over budget.
 */
import { classifyIntent } from '@herald/listening-intents';
import { analyzeSentiment } from '@herald/listening-sentiment';
import { mentionKeywords } from '@herald/listening-topics';

const cases: { name: string; budgetMs: number; run(): unknown }[] = [
  { name: 'sentiment, 100 KB of prose', budgetMs: 500, run: () => analyzeSentiment('The service was terrible and the food was cold. '.repeat(2_100)) },
  { name: 'sentiment, 100,000 parentheses', budgetMs: 500, run: () => analyzeSentiment(')'.repeat(100_000)) },
  { name: 'sentiment, 100,000 colons', budgetMs: 500, run: () => analyzeSentiment(':'.repeat(100_000)) },
  { name: 'sentiment, one 100,000-letter word', budgetMs: 500, run: () => analyzeSentiment('a'.repeat(100_000)) },
  { name: 'sentiment, carets and underscores', budgetMs: 500, run: () => analyzeSentiment('^_'.repeat(50_000)) },
  { name: 'sentiment, URL-like text', budgetMs: 500, run: () => analyzeSentiment(`http://${'x'.repeat(100_000)}`) },
  { name: 'intent, 100 KB of prose', budgetMs: 200, run: () => classifyIntent('my order never arrived and nobody answers. '.repeat(2_400)) },
  { name: 'keywords, 110 KB of prose', budgetMs: 500, run: () => mentionKeywords('shipping delay refund '.repeat(5_000)) },
];

// Load vocabularies and models before anything is timed.
analyzeSentiment('warm up');
classifyIntent('warm up');
mentionKeywords('warm up');

let over = 0;
for (const c of cases) {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    c.run();
    best = Math.min(best, performance.now() - started);
  }
  const ok = best <= c.budgetMs;
  if (!ok) over += 1;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${c.name.padEnd(40)} ${best.toFixed(1).padStart(8)} ms (budget ${c.budgetMs} ms)`);
}
process.exit(over > 0 ? 1 : 0);
