#!/usr/bin/env node
// Usage (from an app's folder): node ../../tools/build/bundle.mjs <entry.ts> [<entry.ts> …]
//
// Compiles an app and the @herald/* libs it uses into one ES module per entry in the app's dist/
// (esbuild, with code splitting so a dynamic import() becomes its own chunk that loads only when
// needed). Packages from node_modules stay outside the bundle and load from node_modules as they
// are: several of them find their own files at run time (PGlite's WASM, natural's word lists,
// Prisma's query compiler), which a bundle would cut off.
//
// A lib that finds its own files (migrations, data, assets) does so relative to
// `import.meta.url`. In a bundle that URL is the bundle's, so each lib file's `import.meta.url`
// is rewritten to the URL of its source file, computed relative to the bundle: the compiled app
// reads the same migrations and assets as the sources do, wherever the checkout (or the image's
// /app) lives.
import { readFile, rm } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const entries = process.argv.slice(2);
if (entries.length === 0) {
  console.error('Usage: node tools/build/bundle.mjs <entry.ts> [<entry.ts> …]');
  process.exit(2);
}

const appDir = process.cwd();
const outdir = resolve(appDir, 'dist');
const repoRoot = fileURLToPath(new URL('../../', import.meta.url)).replace(/[\\/]$/, '');
const nodeModules = `${sep}node_modules${sep}`;

/** Bare imports other than our own workspace libs stay external. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@herald/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** `import.meta.url` of a source file, as seen from the bundle: see the header. */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(nodeModules) || !args.path.startsWith(repoRoot)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
      const fromBundle = relative(outdir, args.path).split(sep).join('/');
      const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

await rm(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: entries.map((entry) => resolve(appDir, entry)),
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  outExtension: { '.js': '.mjs' },
  // Entries and chunks side by side in dist/: the rewritten URLs are relative to that one folder.
  entryNames: '[name]',
  chunkNames: 'chunk-[name]-[hash]',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  plugins: [externalPackages, sourceUrls],
});

const outputs = Object.entries(result.metafile.outputs).filter(([file]) => !file.endsWith('.map'));
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const total = outputs.reduce((sum, [, output]) => sum + output.bytes, 0);
console.log(`${relative(repoRoot, outdir)}: ${outputs.length} files, ${kib(total)}`);
