import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import type * as EngineGlue from '@prisma/schema-engine-wasm/schema_engine_bg';

import { silentLogger, type DbLogger } from './db-logger.ts';

export type { SchemaEngine };
type Glue = typeof EngineGlue & { __wbg_set_wasm(exports: unknown): void };

// The WebAssembly global exists in Node but this workspace compiles without the DOM typings that declare it.
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: Record<string, unknown>): Promise<{ exports: Record<string, unknown> }>;
  RuntimeError: new (...args: never[]) => Error;
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let compiled: Promise<{ module: object; gluePath: string }> | undefined;
let current: Promise<Glue> | undefined;
let instances = 0;

/** How many engine instances this process has loaded: tests check that an up-to-date schema loads none. */
export const schemaEngineInstances = (): number => instances;

/**
 * The package imports its `.wasm` as an ES module, which Node cannot load, and its `exports` hide the
 * file; so the glue is resolved through its public subpath and the wasm read from the same folder.
 */
function compile(): Promise<{ module: object; gluePath: string }> {
  compiled ??= (async () => {
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const module = await wasm.compile(await readFile(join(dirname(gluePath), 'schema_engine_bg.wasm')));
    return { module, gluePath };
  })().catch((error: unknown) => {
    compiled = undefined;
    throw error;
  });
  return compiled;
}

/**
 * The engine sets timers (ten seconds, for its own timeouts) that keep a process alive after it
 * is done: a one-off command would linger until they fire. Its imports get the same glue with
 * those timers unreferenced; they still fire while anything else keeps the process running.
 */
function withUnrefTimers(glue: Glue): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...glue };
  for (const [name, fn] of Object.entries(glue)) {
    if (!name.startsWith('__wbg_setTimeout_') || typeof fn !== 'function') continue;
    imports[name] = (...args: unknown[]) => {
      const timer = (fn as (...a: unknown[]) => unknown)(...args);
      (timer as { unref?: () => void } | null)?.unref?.();
      return timer;
    };
  }
  return imports;
}

async function instantiate(): Promise<Glue> {
  const { module, gluePath } = await compile();
  // Each instance gets its own copy of the glue module: the glue keeps the wasm memory in module state,
  // and an instance that panicked must be thrown away with it.
  const glue = (await import(`${pathToFileURL(gluePath).href}?instance=${++instances}`)) as Glue;
  const instance = await wasm.instantiate(module, { './schema_engine_bg.js': withUnrefTimers(glue) });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  return glue;
}

function loadGlue(): Promise<Glue> {
  const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  // The engine reports Rust panics through this global; without it a panic surfaces as a TypeError.
  registry.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => void (lastPanic = message) };
  current ??= instantiate().catch((error: unknown) => {
    current = undefined;
    throw error;
  });
  return current;
}

let lastPanic: string | undefined;

export interface SchemaEngineOptions {
  /** The Prisma schema; needed by `diff` against a datamodel, not by `applyMigrations`. */
  datamodel?: { path: string; content: string };
  logger?: DbLogger;
}

/**
 * Runs `work` with a schema engine talking to the database through `adapterFactory`, then frees it.
 * The WebAssembly module is compiled once per process and shared by every engine.
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  options: SchemaEngineOptions,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const glue = await loadGlue();
  const logger = options.logger ?? silentLogger;
  const onLog = (line: string) => logger.debug(parseEngineLog(line), 'schema engine');
  const datamodels: [string, string][] | undefined = options.datamodel ? [[options.datamodel.path, options.datamodel.content]] : undefined;
  let engine: SchemaEngine | undefined;
  try {
    engine = await glue.SchemaEngine.new({ datamodels }, onLog, bindMigrationAwareSqlAdapterFactory(adapterFactory));
    return await work(engine);
  } catch (error) {
    if (error instanceof wasm.RuntimeError) {
      // A panicked instance is unusable; the next call starts a fresh one.
      if (current && (await current.catch(() => undefined)) === glue) current = undefined;
      engine = undefined;
      throw new Error(`Schema engine crashed: ${lastPanic ?? error.message}`, { cause: error });
    }
    throw error;
  } finally {
    engine?.free();
  }
}

function parseEngineLog(line: string): Record<string, unknown> {
  try {
    const entry = JSON.parse(line) as { level?: string; fields?: Record<string, unknown>; target?: string };
    return { level: entry.level, target: entry.target, ...entry.fields };
  } catch {
    return { line };
  }
}

/** The engine's errors carry a Rust span trace after the first line; callers want the message. */
export function engineErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n   0: ')[0] ?? message).trim();
}
