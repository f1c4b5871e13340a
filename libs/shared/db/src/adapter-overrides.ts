import { DriverAdapterError, type ConnectionInfo, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

export interface AdapterOverrides {
  /** Runs a migration script as one unit, instead of the adapters' own splitting on `;`. */
  executeScript?: (script: string) => Promise<void>;
  /** The schema the engine treats as the default one (where `_prisma_migrations` lives). */
  schemaName?: string;
}

/** A factory whose connections behave like `factory`'s except for the given overrides. */
export function overrideAdapterFactory(
  factory: SqlMigrationAwareDriverAdapterFactory,
  overrides: AdapterOverrides,
  shadow?: () => Promise<SqlDriverAdapter>,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => overrideAdapter(await factory.connect(), overrides),
    connectToShadowDb: shadow ?? (() => factory.connectToShadowDb()),
  };
}

export function overrideAdapter(adapter: SqlDriverAdapter, overrides: AdapterOverrides): SqlDriverAdapter {
  const info = (): ConnectionInfo => {
    const base = adapter.getConnectionInfo?.() ?? { supportsRelationJoins: true };
    return overrides.schemaName === undefined ? base : { ...base, schemaName: overrides.schemaName };
  };
  const runScript = overrides.executeScript;
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    executeScript: runScript ? (script) => runScript(script).catch(rethrowAsDriverError) : (script) => adapter.executeScript(script),
    getConnectionInfo: info,
    dispose: () => adapter.dispose(),
  };
}

interface PostgresLikeError {
  code?: unknown;
  severity?: unknown;
  message?: unknown;
  detail?: unknown;
  column?: unknown;
  hint?: unknown;
}

/** The engine only understands driver adapter errors; a PostgreSQL error keeps its SQLSTATE and text. */
function rethrowAsDriverError(error: unknown): never {
  if (error instanceof DriverAdapterError) throw error;
  const e = (error ?? {}) as PostgresLikeError;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  throw new DriverAdapterError({
    kind: 'postgres',
    code: text(e.code) ?? 'N/A',
    severity: text(e.severity) ?? 'ERROR',
    message: text(e.message) ?? String(error),
    detail: text(e.detail),
    column: text(e.column),
    hint: text(e.hint),
  });
}
