/** How a metric's value reads: counts with separators, rates as percentages, scores as signed points. */
export type FigureKind = 'count' | 'rate' | 'score' | 'duration';

/** Missing is not zero: a rate with no denominator or sentiment with no mentions reads as this. */
export const MISSING = '–';
const MINUS = '−';

export interface Figures {
  /** A value of its kind: 12,400 · 5.2% · +12 · 1h 5m · – */
  value(kind: FigureKind, value: number | null | undefined): string;
  /** A change of its kind: counts in percent (+8.1%), rates in percentage points (+0.2 pp), scores in points (−3 pts). */
  change(kind: FigureKind, change: { absolute: number | null; relative: number | null } | null | undefined): string;
  count(value: number | null | undefined): string;
}

const signed = (text: string, value: number) => (value > 0 ? `+${text}` : value < 0 ? `${MINUS}${text}` : text);

/** One formatter per locale; the Intl formatters are built once. */
export function createFigures(locale = 'en-GB'): Figures {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const unsigned = (n: number) => integer.format(Math.abs(n));

  const count = (v: number | null | undefined) => (v == null ? MISSING : signed(unsigned(v), v < 0 ? -1 : 0));
  const duration = (minutes: number) => {
    const total = Math.round(minutes);
    const hours = Math.floor(total / 60);
    return hours > 0 ? `${hours}h ${total % 60}m` : `${total}m`;
  };

  return {
    count,
    value(kind, v) {
      if (v == null) return MISSING;
      switch (kind) {
        case 'count':
          return count(v);
        case 'rate':
          return signed(percent.format(Math.abs(v)), v < 0 ? -1 : 0);
        case 'score':
          // Scores live in [−1, 1]; people read them ×100, signed.
          return signed(integer.format(Math.abs(v * 100)), Math.round(v * 100));
        case 'duration':
          return duration(v);
      }
    },
    change(kind, c) {
      if (!c || c.absolute == null) return MISSING;
      if (kind === 'count' || kind === 'duration')
        return c.relative == null ? MISSING : signed(decimal.format(Math.abs(c.relative * 100)), Math.round(c.relative * 1000)) + '%';
      const points = c.absolute * 100;
      return `${signed(decimal.format(Math.abs(points)), Math.round(points * 10))} ${kind === 'rate' ? 'pp' : 'pts'}`;
    },
  };
}
