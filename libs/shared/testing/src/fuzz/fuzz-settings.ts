/**
 * How much to fuzz. The seed is fixed so a red run can be replayed exactly; HERALD_FUZZ_SEED
 * and HERALD_FUZZ_RUNS (inputs per route, or per schema) widen the search on demand:
 *   HERALD_FUZZ_RUNS=2000 HERALD_FUZZ_SEED=$RANDOM npx nx run @herald/ingestion-service:test
 */
export interface FuzzSettings {
  seed: number;
  runs: number;
}

export const DEFAULT_FUZZ_SEED = 20261207;

export function fuzzSettings(defaultRuns: number, env: Record<string, string | undefined> = process.env): FuzzSettings {
  const runs = Number.parseInt(env['HERALD_FUZZ_RUNS'] ?? '', 10);
  const seed = Number.parseInt(env['HERALD_FUZZ_SEED'] ?? '', 10);
  return { runs: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns, seed: Number.isInteger(seed) ? seed : DEFAULT_FUZZ_SEED };
}

/** One line per suite, so a CI log says how many inputs were tried. */
export function reportFuzz(suite: string, tried: number, settings: FuzzSettings, extra = ''): void {
  process.stdout.write(`fuzz ${suite}: ${tried} inputs (seed ${settings.seed}, ${settings.runs} per target)${extra ? `, ${extra}` : ''}\n`);
}
