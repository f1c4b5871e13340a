import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

type FastifyValidator = ((data: unknown) => boolean | { value: unknown }) & { errors?: FastifySchemaValidationError[] };

/**
 * A route validator that checks the body against another schema than the one documented: batch
 * routes document their items in full (so the API document and the generated client know them)
 * but check only the envelope, because items are checked one by one and a bad one is listed, not
 * fatal. Other parts get defaults and string conversion (`?atomic=true`), like the default
 * validator, and errors in the shape the error handler reads.
 */
export function validatorWithBody(body: TSchema | null): FastifySchemaCompiler<TSchema> {
  return ({ schema, httpPart }) => {
    if (httpPart === 'body' && body === null) return () => true;
    const target = httpPart === 'body' && body ? body : schema;
    const validator = Compile(target);
    const validate: FastifyValidator = (data) => {
      const value = httpPart === 'body' ? data : Value.Convert(target, Value.Default(target, data ?? {}));
      if (validator.Check(value)) return { value };
      validate.errors = [...validator.Errors(value)].map((e) => ({
        keyword: e.keyword,
        instancePath: e.instancePath,
        message: e.message,
        schemaPath: '',
        params: (e.keyword === 'required' ? { missingProperty: (e.params as { requiredProperties?: string[] }).requiredProperties?.[0] } : e.params) as Record<
          string,
          unknown
        >,
      }));
      return false;
    };
    return validate;
  };
}
