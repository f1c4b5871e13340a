import { Compile } from 'typebox/compile';

import { EVENT_CATALOG, isEventType, type HeraldEvent } from './catalog.ts';
import { AnyEnvelopeSchema } from './envelope.ts';
import { InvalidEventError, type EventIssue } from './errors.ts';

const envelopeValidator = Compile(AnyEnvelopeSchema);
const validators = new Map(Object.values(EVENT_CATALOG).map((d) => [`${d.type}@${d.version}`, Compile(d.schema)]));

function issuesOf(errors: Iterable<{ instancePath: string; message: string }>): EventIssue[] {
  return [...errors].slice(0, 20).map((e) => ({ path: e.instancePath, message: e.message }));
}

/** Validates an event in full (envelope, known type and version, payload) and returns it typed. */
export function parseEvent(value: unknown): HeraldEvent {
  if (!envelopeValidator.Check(value)) {
    throw new InvalidEventError('not an event envelope', issuesOf(envelopeValidator.Errors(value)));
  }
  const type: string = value.type;
  if (!isEventType(type)) throw new InvalidEventError(`unknown event type "${type}"`);
  const version = value.version;
  const validator = validators.get(`${type}@${version}`);
  if (!validator) throw new InvalidEventError(`unsupported version ${version} of "${type}"`);
  const candidate: unknown = value;
  if (!validator.Check(candidate)) throw new InvalidEventError(`invalid ${type}`, issuesOf(validator.Errors(candidate)));
  return candidate as HeraldEvent;
}

/** Parses the bytes of a message: JSON first, then the event. */
export function decodeEvent(bytes: Buffer | string | null | undefined): HeraldEvent {
  if (bytes == null || bytes.length === 0) throw new InvalidEventError('empty message');
  let json: unknown;
  try {
    json = JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
  } catch (error) {
    throw new InvalidEventError(`message is not JSON (${(error as Error).message})`);
  }
  return parseEvent(json);
}

export const encodeEvent = (event: HeraldEvent): Buffer => Buffer.from(JSON.stringify(event));
