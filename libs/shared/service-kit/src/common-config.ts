import { literalUnion } from '@herald/events';
import { Type } from 'typebox';

/** The variables every service reads; a service adds its own beside them. */
export function commonServiceConfig(defaults: { port: number; schema: string }) {
  return {
    HOST: Type.String({ default: '0.0.0.0' }),
    PORT: Type.Integer({ minimum: 0, maximum: 65535, default: defaults.port }),
    LOG_LEVEL: literalUnion(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
    DATABASE_URL: Type.String({ pattern: '^postgres(ql)?://', description: 'PostgreSQL connection string' }),
    DATABASE_SCHEMA: Type.String({ pattern: '^[a-z_][a-z0-9_]*$', default: defaults.schema }),
    KAFKA_BROKERS: Type.String({ minLength: 1, description: 'Comma-separated host:port list' }),
    HERALD_TOPIC_PREFIX: Type.String({ default: '', pattern: '^[A-Za-z0-9._-]*$' }),
  };
}
