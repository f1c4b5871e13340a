import { decodeEvent, encodeEvent, EVENT_CATALOG, InvalidEventError, parseEvent, type EventType } from '@herald/events';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

import { mutatedEventArbitrary, rawEventMessageArbitrary, validEventArbitrary } from './event-arbitraries.ts';
import { fuzzSettings, reportFuzz } from './fuzz-settings.ts';
import { hostileJson } from './hostile-values.ts';

const settings = fuzzSettings(300);
const types = Object.keys(EVENT_CATALOG) as EventType[];
let tried = 0;

afterAll(() => reportFuzz('event schemas', tried, settings, `${types.length} event types`));

/** Decoding either returns a valid event or throws InvalidEventError: never any other error. */
function decodesOrRefuses(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof InvalidEventError)) throw error;
  }
}

describe('event schemas under hostile input', () => {
  it.each(types)('%s: every event its schema allows survives encoding and decoding unchanged', (type) => {
    fc.assert(
      fc.property(validEventArbitrary([type]), (event) => {
        tried += 1;
        // JSON has no -0: compare with what JSON itself keeps.
        expect(decodeEvent(encodeEvent(event))).toEqual(JSON.parse(JSON.stringify(event)));
      }),
      { numRuns: settings.runs, seed: settings.seed },
    );
  });

  it.each(types)('%s: a mutated event is either still valid or refused as EVENT_INVALID', (type) => {
    fc.assert(
      fc.property(mutatedEventArbitrary([type]), (value) => {
        tried += 1;
        decodesOrRefuses(() => parseEvent(value));
        decodesOrRefuses(() => decodeEvent(JSON.stringify(value) ?? ''));
      }),
      { numRuns: settings.runs, seed: settings.seed },
    );
  });

  it('refuses any bytes that are not an event with EVENT_INVALID, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          rawEventMessageArbitrary(),
          hostileJson().map((v) => JSON.stringify(v) ?? ''),
        ),
        (bytes) => {
          tried += 1;
          decodesOrRefuses(() => decodeEvent(bytes));
        },
      ),
      { numRuns: settings.runs * 3, seed: settings.seed },
    );
  });

  it('never lets a decoded event carry a prototype it did not declare', () => {
    fc.assert(
      fc.property(mutatedEventArbitrary(), (value) => {
        tried += 1;
        try {
          const event = decodeEvent(JSON.stringify(value) ?? '') as unknown as Record<string, unknown>;
          expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
          expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        } catch (error) {
          if (!(error instanceof InvalidEventError)) throw error;
        }
      }),
      { numRuns: settings.runs, seed: settings.seed },
    );
  });
});
