import { type Static, type TObject } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration: ${problems.map((p) => `${p.variable} ${p.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads a service's configuration from environment variables once, at boot. The schema's
 * property names are the variable names; defaults apply, strings convert to numbers and
 * booleans, and every bad or missing variable is named in one error.
 */
export function loadConfig<T extends TObject>(schema: T, env: Record<string, string | undefined> = process.env): Static<T> {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const withDefaults = Value.Default(schema, raw);
  const converted = Value.Convert(schema, withDefaults);
  const validator = Compile(schema);
  if (!validator.Check(converted)) {
    const problems = [...validator.Errors(converted)]
      .filter((e) => e.keyword !== 'boolean')
      .flatMap((e) => {
        const missing = e.keyword === 'required' ? (e.params as { requiredProperties?: string[] }).requiredProperties : undefined;
        if (missing) return missing.map((variable) => ({ variable, message: 'is required' }));
        return [{ variable: e.instancePath.replace(/^\//, '') || '(env)', message: e.message }];
      });
    throw new ConfigError(problems);
  }
  return converted as Static<T>;
}

/** Comma-separated lists in env vars (KAFKA_BROKERS=a:9092,b:9092). */
export const splitList = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** loadConfig for a process entry point: a bad configuration ends the process with one clear line. */
export function loadConfigOrExit<T extends TObject>(service: string, schema: T, env: Record<string, string | undefined> = process.env): Static<T> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${service}: ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}
