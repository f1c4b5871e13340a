import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from './config.ts';

const schema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  DATABASE_URL: Type.String({ minLength: 1 }),
  LOG_LEVEL: Type.Union([Type.Literal('debug'), Type.Literal('info')], { default: 'info' }),
});

describe('loadConfig', () => {
  it('applies defaults and converts numbers from strings', () => {
    const config = loadConfig(schema, { DATABASE_URL: 'postgresql://x', PORT: '8080' });
    expect(config).toEqual({ PORT: 8080, DATABASE_URL: 'postgresql://x', LOG_LEVEL: 'info' });
  });

  it('names a missing variable', () => {
    expect(() => loadConfig(schema, {})).toThrowError(/DATABASE_URL is required/);
  });

  it('names a variable with a bad value', () => {
    try {
      loadConfig(schema, { DATABASE_URL: 'x', PORT: 'ninety' });
      expect.fail('should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.variable)).toContain('PORT');
    }
  });
});

describe('loadConfig with several missing variables', () => {
  it('names each of them', () => {
    expect(() => loadConfig(Type.Object({ A_URL: Type.String(), B_URL: Type.String() }), {})).toThrowError(
      'Invalid configuration: A_URL is required; B_URL is required',
    );
  });
});
