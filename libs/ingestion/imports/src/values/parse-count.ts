export type DecimalSeparator = '.' | ',';

/** `value` undefined means the cell was empty: the metric is absent, which is not the same as zero. */
export type CountResult = { ok: true; value: number | undefined } | { ok: false; reason: string };

const ABSENT = /^(?:|-|--|—|–|n\/?a)$/i;
const PLAIN = /^\+?\d+$/;
// A thousands group separator used consistently (the backreference), then an optional decimal part.
const GROUPED = /^(\d{1,3})((?:([,.'’ \u00a0\u202f\u2009])\d{3})(?:\3\d{3})*)(?:([.,])(\d+))?$/;
const DECIMAL = /^(\d+)([.,])(\d+)$/;
const ABBREVIATED = /^\d+(?:[.,]\d+)?\s*[kmb]$/i;
const NEGATIVE = /^[-−]\s*\d/;

/**
 * Reads a counter the way exports write them: `1234`, `1,234` (en), `1.234` (de), `1 234` (fr), `2633.0` (X writes
 * counts as floats). A known decimal separator settles `1.234`: a fraction where `.` is the decimal mark, a thousand
 * where it is not; unknown, the grouped reading wins because counts are whole numbers.
 */
export function parseCount(raw: string, decimal?: DecimalSeparator): CountResult {
  const s = raw.trim();
  if (ABSENT.test(s)) return { ok: true, value: undefined };
  if (PLAIN.test(s)) return whole(Number(s), raw);
  if (NEGATIVE.test(s)) return { ok: false, reason: `"${raw}" is negative; counts cannot be` };
  if (s.endsWith('%')) return { ok: false, reason: `"${raw}" is a percentage where a count was expected` };
  if (ABBREVIATED.test(s)) return { ok: false, reason: `"${raw}" is an abbreviated count; the export must hold exact numbers` };

  const grouped = GROUPED.exec(s);
  if (grouped) {
    const [, head = '', groups = '', sep = '', dec, frac] = grouped;
    const sepIsDecimalMark = sep === decimal;
    if (!sepIsDecimalMark && sep !== dec && (dec === undefined || decimal === undefined || dec === decimal)) {
      if (frac !== undefined && !/^0+$/.test(frac)) return notWhole(raw);
      return whole(Number(head + groups.split(sep).join('')), raw);
    }
  }

  const fraction = DECIMAL.exec(s);
  if (fraction) {
    const [, int = '', mark, frac = ''] = fraction;
    if (decimal !== undefined && mark !== decimal) return { ok: false, reason: `"${raw}" is not a number in this file's notation` };
    if (!/^0+$/.test(frac)) return notWhole(raw);
    return whole(Number(int), raw);
  }
  return { ok: false, reason: `"${raw}" is not a number` };
}

function whole(n: number, raw: string): CountResult {
  return Number.isSafeInteger(n) ? { ok: true, value: n } : { ok: false, reason: `"${raw}" is too large` };
}

function notWhole(raw: string): CountResult {
  return { ok: false, reason: `"${raw}" is not a whole number` };
}

const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:\.\d+)?$/;
const SECONDS = /^(\d+)(?:[.,](\d+))?$/;

/** Watch time: seconds (`84`, `12.5`, rounded, since fractions of a second do not matter here) or a clock (`1:02:03`). */
export function parseDurationSeconds(raw: string, decimal?: DecimalSeparator): CountResult {
  const s = raw.trim();
  if (ABSENT.test(s)) return { ok: true, value: undefined };
  const clock = CLOCK.exec(s);
  if (clock) {
    const [, h = '0', m = '0', sec = '0'] = clock;
    if (Number(sec) > 59 || (clock[1] !== undefined && Number(m) > 59)) return { ok: false, reason: `"${raw}" is not a valid duration` };
    return { ok: true, value: Number(h) * 3600 + Number(m) * 60 + Number(sec) };
  }
  const seconds = SECONDS.exec(s);
  if (seconds && seconds[2] !== undefined) {
    const mark = s.includes(',') ? ',' : '.';
    // Unknown notation and three digits after the mark reads as a thousands group, as for counts.
    if (decimal === undefined ? seconds[2].length === 3 : mark !== decimal) return parseCount(raw, decimal);
    return { ok: true, value: Math.round(Number(`${seconds[1]}.${seconds[2]}`)) };
  }
  return parseCount(raw, decimal);
}
