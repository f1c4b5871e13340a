import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const RESULTS = new URL('./RESULTS.md', import.meta.url);

const HEADER = `# Listening benchmarks

Written by the scripts beside this file; each section is replaced by the script that owns it.

- \`npx tsx bench/listening/intents-cv.ts --write\`: intent classifier, k-fold cross-validation.
- \`npx tsx bench/listening/run.ts --write\`: mentions per second through Kafka, the listening consumer and PostgreSQL.
`;

/** Replaces (or appends) the section between `<!-- name:start -->` and `<!-- name:end -->` in RESULTS.md. */
export function replaceSection(name: string, body: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : HEADER;
  const section = `${start}\n${body.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? current.slice(0, from) + section + current.slice(to + end.length) : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(RESULTS, next);
}
