import { DATE_RANGE } from '@herald/events';

import { wallTimeToInstant, zoneOffsetMinutes } from './time-zone.ts';

/**
 * Date patterns use moment-style tokens: `YYYY`, `MM`/`M`, `DD`/`D`, `MMM` (Jan), `MMMM` (January), `ddd`/`dddd`
 * (weekday names, checked against the date), `HH`/`H`, `hh`/`h` with `A` (AM/PM), `mm`, `ss`, `SSS`, `Z` (an offset:
 * `+0000`, `+00:00`, `Z`, `UTC`). Text in [brackets] is literal; a space matches any run of spaces. The pseudo
 * pattern `ISO` accepts ISO 8601 dates and date-times. Single-letter tokens also accept two digits.
 */
export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  hasTime: boolean;
  /** Offset written in the cell, in minutes east of UTC. */
  offsetMinutes?: number;
  weekday?: number;
}

export interface DatePattern {
  readonly source: string;
  readonly hasTime: boolean;
  match(text: string): DateParts | string | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Setter = (parts: DateParts, value: string) => string | undefined;

const num =
  (key: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond'): Setter =>
  (p, v) => {
    p[key] = Number(v);
    return undefined;
  };

const TOKENS: ReadonlyArray<[token: string, regex: string, set: Setter, time?: boolean]> = [
  ['YYYY', '(\\d{4})', num('year')],
  ['MMMM', '([A-Za-z]{3,9})', monthName],
  ['MMM', '([A-Za-z]{3,4}\\.?)', monthName],
  ['MM', '(\\d{2})', num('month')],
  ['M', '(\\d{1,2})', num('month')],
  ['DD', '(\\d{2})', num('day')],
  ['D', '(\\d{1,2})', num('day')],
  ['dddd', '([A-Za-z]{6,9})', weekdayName],
  ['ddd', '([A-Za-z]{3}\\.?)', weekdayName],
  ['HH', '(\\d{2})', num('hour'), true],
  ['H', '(\\d{1,2})', num('hour'), true],
  ['hh', '(\\d{2})', twelveHour, true],
  ['h', '(\\d{1,2})', twelveHour, true],
  ['mm', '(\\d{2})', num('minute'), true],
  ['ss', '(\\d{2})', num('second'), true],
  ['SSS', '(\\d{1,9})', fraction, true],
  ['A', '([AaPp][Mm])', meridiem, true],
  ['Z', '(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})', offset, true],
];

function fraction(p: DateParts, v: string): undefined {
  p.millisecond = Number(v.padEnd(3, '0').slice(0, 3));
  return undefined;
}

function monthName(p: DateParts, v: string): string | undefined {
  const i = MONTHS.indexOf(v.slice(0, 3).toLowerCase());
  if (i < 0) return `"${v}" is not a month name`;
  p.month = i + 1;
  return undefined;
}

function weekdayName(p: DateParts, v: string): string | undefined {
  const i = WEEKDAYS.indexOf(v.slice(0, 3).toLowerCase());
  if (i < 0) return `"${v}" is not a weekday name`;
  p.weekday = i;
  return undefined;
}

const PM = Symbol('pm');
type WithMeridiem = DateParts & { [PM]?: boolean; twelve?: boolean };

function twelveHour(p: DateParts, v: string): string | undefined {
  const h = Number(v);
  if (h < 1 || h > 12) return `hour ${v} is not on a 12-hour clock`;
  p.hour = h % 12;
  (p as WithMeridiem).twelve = true;
  return undefined;
}

function meridiem(p: DateParts, v: string): string | undefined {
  (p as WithMeridiem)[PM] = v.toLowerCase() === 'pm';
  return undefined;
}

function offset(p: DateParts, v: string): string | undefined {
  if (v === 'Z' || v === 'UTC' || v === 'GMT') {
    p.offsetMinutes = 0;
    return undefined;
  }
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(v);
  if (!m) return `"${v}" is not a UTC offset`;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (Number(m[3]) > 59 || minutes > 14 * 60) return `"${v}" is not a UTC offset`;
  p.offsetMinutes = m[1] === '-' ? -minutes : minutes;
  return undefined;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

const compiled = new Map<string, DatePattern>();

export function compileDatePattern(source: string): DatePattern {
  const cached = compiled.get(source);
  if (cached) return cached;
  const pattern = source.trim().toUpperCase() === 'ISO' ? isoPattern(source) : tokenPattern(source);
  compiled.set(source, pattern);
  return pattern;
}

function isoPattern(source: string): DatePattern {
  return {
    source,
    hasTime: true,
    match(text) {
      const m = ISO.exec(text.trim());
      if (!m) return null;
      const parts = blank();
      parts.year = Number(m[1]);
      parts.month = Number(m[2]);
      parts.day = Number(m[3]);
      if (m[4] !== undefined) {
        parts.hasTime = true;
        parts.hour = Number(m[4]);
        parts.minute = Number(m[5]);
        parts.second = Number(m[6] ?? 0);
        parts.millisecond = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
      }
      if (m[8] !== undefined) {
        const problem = offset(parts, m[8].length === 3 ? `${m[8]}:00` : m[8]);
        if (problem) return problem;
      }
      return parts;
    },
  };
}

function tokenPattern(source: string): DatePattern {
  const setters: Setter[] = [];
  let regex = '';
  let hasTime = false;
  let i = 0;
  outer: while (i < source.length) {
    const ch = source[i] ?? '';
    if (ch === '[') {
      const end = source.indexOf(']', i);
      if (end < 0) throw new Error(`Date pattern "${source}" has an unclosed [`);
      regex += escape(source.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    if (ch === ' ') {
      regex += '\\s+';
      while (source[i] === ' ') i++;
      continue;
    }
    for (const [token, tokenRegex, set, time] of TOKENS) {
      if (source.startsWith(token, i)) {
        regex += tokenRegex;
        setters.push(set);
        hasTime ||= time === true;
        i += token.length;
        continue outer;
      }
    }
    regex += escape(ch);
    i++;
  }
  const re = new RegExp(`^${regex}$`, 'i');
  return {
    source,
    hasTime,
    match(text) {
      const m = re.exec(text.trim());
      if (!m) return null;
      const parts = blank();
      parts.hasTime = hasTime;
      for (let k = 0; k < setters.length; k++) {
        const problem = setters[k]?.(parts, m[k + 1] ?? '');
        if (problem) return problem;
      }
      const p = parts as WithMeridiem;
      if (p.twelve && p[PM]) p.hour += 12;
      return parts;
    },
  };
}

function blank(): DateParts {
  return { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0, hasTime: false };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Checks the calendar: 2021-02-30, hour 24 or a Monday that the date says is a Tuesday are impossible. */
export function checkDateParts(p: DateParts): string | undefined {
  // The years events may carry (DATE_RANGE): a row outside them could never be stored downstream.
  if (p.year < DATE_RANGE.firstYear || p.year > DATE_RANGE.lastYear) return `year ${p.year} is out of range (${DATE_RANGE.firstYear}–${DATE_RANGE.lastYear})`;
  if (p.month < 1 || p.month > 12) return `month ${p.month} does not exist`;
  const days = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  if (p.day < 1 || p.day > days) return `${p.year}-${pad(p.month)} has no day ${p.day}`;
  if (p.hour > 23 || p.minute > 59 || p.second > 59) return `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} is not a time of day`;
  const actual = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  if (p.weekday !== undefined && actual !== p.weekday) {
    return `${p.year}-${pad(p.month)}-${pad(p.day)} is a ${DAY_NAMES[actual]}, not a ${DAY_NAMES[p.weekday]}`;
  }
  return undefined;
}

export interface ResolvedDate {
  /** ISO 8601 in the source's own wall-clock time and offset, e.g. `2017-01-30T19:05:00+00:00`. */
  iso: string;
  instant: number;
  /** IANA zone the wall time was read in, when known (`UTC` for a zero offset). */
  zone?: string;
  hasTime: boolean;
  /** The calendar day as the source wrote it. */
  localDate: string;
}

/** Places parsed parts on the time line: their own offset if they carry one, otherwise the zone's. */
export function resolveDate(parts: DateParts, zone: string): ResolvedDate {
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.millisecond);
  const localDate = `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
  if (parts.offsetMinutes !== undefined) {
    const o = parts.offsetMinutes;
    return { iso: formatIso(wall, o), instant: wall - o * 60_000, zone: o === 0 ? 'UTC' : undefined, hasTime: parts.hasTime, localDate };
  }
  const { instant, offsetMinutes } = wallTimeToInstant(wall, zone);
  return { iso: formatIso(instant + offsetMinutes * 60_000, offsetMinutes), instant, zone, hasTime: parts.hasTime, localDate };
}

/** An instant shown on the zone's wall clock. */
export function instantInZone(instant: number, zone: string): ResolvedDate {
  const o = zoneOffsetMinutes(zone, instant);
  const iso = formatIso(instant + o * 60_000, o);
  return { iso, instant, zone, hasTime: true, localDate: iso.slice(0, 10) };
}

function formatIso(wallMs: number, offsetMinutes: number): string {
  const d = new Date(wallMs);
  const ms = d.getUTCMilliseconds();
  const abs = Math.abs(offsetMinutes);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    (ms ? `.${String(ms).padStart(3, '0')}` : '') +
    `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export type DateResult = { ok: true; value: ResolvedDate | undefined } | { ok: false; reason: string };

/** Tries each pattern in turn; an empty cell is absent. */
export function parseDate(raw: string, patterns: readonly DatePattern[], zone: string): DateResult {
  const text = raw.trim();
  if (text === '') return { ok: true, value: undefined };
  for (const pattern of patterns) {
    const parts = pattern.match(text);
    if (parts === null) continue;
    if (typeof parts === 'string') return { ok: false, reason: `"${raw}": ${parts}` };
    const problem = checkDateParts(parts);
    if (problem) return { ok: false, reason: `"${raw}" is an impossible date: ${problem}` };
    return { ok: true, value: resolveDate(parts, zone) };
  }
  const expected = patterns.map((p) => p.source).join('" or "');
  return { ok: false, reason: `"${raw}" is not a date in the expected format "${expected}"` };
}
