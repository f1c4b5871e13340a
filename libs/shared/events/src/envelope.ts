import { Type, type Static, type TSchema } from 'typebox';

/** Fields every event carries, whatever its payload. */
export const envelopeFields = {
  id: Type.String({ format: 'uuid', description: 'Unique per event; a redelivered event keeps its id.' }),
  type: Type.String({ minLength: 1, description: 'Dotted, past tense: ingestion.post.published' }),
  version: Type.Integer({ minimum: 1 }),
  occurredAt: Type.String({ format: 'date-time' }),
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  source: Type.String({ minLength: 1, description: 'The service that published the event.' }),
  correlationId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  causationId: Type.Optional(Type.String({ format: 'uuid' })),
};

export const AnyEnvelopeSchema = Type.Object({ ...envelopeFields, payload: Type.Unknown() }, { additionalProperties: false });
export type AnyEnvelope = Static<typeof AnyEnvelopeSchema>;

/** The schema of one event type: the envelope with a literal type and version and a typed payload. */
export function envelopeSchemaOf<TType extends string, TVersion extends number, TPayload extends TSchema>(type: TType, version: TVersion, payload: TPayload) {
  return Type.Object(
    { ...envelopeFields, type: Type.Literal(type), version: Type.Literal(version), payload },
    { additionalProperties: false, $id: `${type}.v${version}` },
  );
}
