import nx from '@nx/eslint-plugin';

// Two tag axes: scope (which service owns it) and type (what kind of code it is).
// A service reaches another only through that service's client lib (scope:<svc>-api) or the shared events lib.
// Every service may use the ingestion client: ingestion owns the workspace keys the others verify.
// A service's own scope may use its own client (its tests drive the API the way callers do); the CLI may use them all.
const scopeRules = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:ingestion', onlyDependOnLibsWithTags: ['scope:ingestion', 'scope:ingestion-api', 'scope:shared'] },
  { sourceTag: 'scope:listening', onlyDependOnLibsWithTags: ['scope:listening', 'scope:listening-api', 'scope:ingestion-api', 'scope:shared'] },
  { sourceTag: 'scope:analytics', onlyDependOnLibsWithTags: ['scope:analytics', 'scope:analytics-api', 'scope:ingestion-api', 'scope:shared'] },
  { sourceTag: 'scope:analytics-api', onlyDependOnLibsWithTags: ['scope:analytics-api', 'scope:shared'] },
  { sourceTag: 'scope:ingestion-api', onlyDependOnLibsWithTags: ['scope:ingestion-api', 'scope:shared'] },
  { sourceTag: 'scope:listening-api', onlyDependOnLibsWithTags: ['scope:listening-api', 'scope:shared'] },
  { sourceTag: 'scope:deck-api', onlyDependOnLibsWithTags: ['scope:deck-api', 'scope:shared'] },
  { sourceTag: 'scope:deck', onlyDependOnLibsWithTags: ['scope:deck', 'scope:deck-api', 'scope:analytics-api', 'scope:ingestion-api', 'scope:shared'] },
  // The herald CLI composes every service into one process (embedded mode).
  {
    sourceTag: 'scope:cli',
    onlyDependOnLibsWithTags: [
      'scope:cli',
      'scope:shared',
      'scope:ingestion',
      'scope:ingestion-api',
      'scope:listening',
      'scope:listening-api',
      'scope:analytics',
      'scope:analytics-api',
      'scope:deck',
      'scope:deck-api',
    ],
  },
];

const noInfra = ['fastify', '@fastify/*', 'kafkajs', '@prisma/*', 'pg', '@electric-sql/*', 'pglite-prisma-adapter'];

const typeRules = [
  // Apps never import apps: no rule lists type:app as a target.
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:platform', 'type:data-access', 'type:client', 'type:events', 'type:util'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:platform', 'type:data-access', 'type:client', 'type:events', 'type:util', 'type:testing'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:events', 'type:util', 'type:testing'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:platform', 'type:events', 'type:util', 'type:testing'] },
  { sourceTag: 'type:client', onlyDependOnLibsWithTags: ['type:events', 'type:util'] },
  { sourceTag: 'type:events', onlyDependOnLibsWithTags: ['type:events'], bannedExternalImports: noInfra },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:events'], bannedExternalImports: noInfra },
  // End-to-end suites drive whole services from the outside.
  {
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: ['type:e2e', 'type:feature', 'type:platform', 'type:data-access', 'type:client', 'type:events', 'type:util', 'type:testing'],
  },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:events', 'type:util'] },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/node_modules', '**/dist', '**/generated', '.nx', 'tools/kafka/.cache', 'tools/kafka/.run', 'data', 'bench/results'] },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, banTransitiveDependencies: false, allow: [], depConstraints: [...scopeRules, ...typeRules] },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.mts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests assert on values they just built; a failed assertion is the right outcome for a missing one.
    files: ['**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
