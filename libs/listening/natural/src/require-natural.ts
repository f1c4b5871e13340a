import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let natural: unknown;

/**
 * natural, loaded on first use (it takes about half a second and most importers never need it).
 * It pulls in dotenv, which prints tips on load unless DOTENV_CONFIG_QUIET is set; the variable is
 * set for the load only, so the host's own setting is left as it was. Each caller types the part
 * of natural it uses.
 */
export function requireNatural<T>(): T {
  if (natural === undefined) {
    const previous = process.env.DOTENV_CONFIG_QUIET;
    process.env.DOTENV_CONFIG_QUIET = 'true';
    try {
      natural = require('natural');
    } finally {
      if (previous === undefined) delete process.env.DOTENV_CONFIG_QUIET;
      else process.env.DOTENV_CONFIG_QUIET = previous;
    }
  }
  return natural as T;
}

/** A file inside natural's package (data natural has but does not export), loaded quietly like natural itself. */
export function requireNaturalFile<T>(path: string): T {
  requireNatural();
  return require(`natural/${path}`) as T;
}
