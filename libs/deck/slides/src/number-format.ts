import type { NumberFormat } from './slide.model.ts';

export interface FormatOptions {
  compact?: boolean;
}

export type NumberFormatter = (value: number, format: NumberFormat, options?: FormatOptions) => string;

/** Intl options per format, shared by the server-side text and the charts drawn in the browser. */
export function intlOptionsFor(format: Exclude<NumberFormat, 'duration'>, options: FormatOptions = {}): Intl.NumberFormatOptions {
  const compact: Intl.NumberFormatOptions = options.compact ? { notation: 'compact', maximumFractionDigits: 1 } : {};
  switch (format) {
    case 'integer':
      return { maximumFractionDigits: 0, ...compact };
    case 'percent':
      return { style: 'percent', maximumFractionDigits: 1 };
    case 'decimal':
      return { maximumFractionDigits: 2, ...compact };
  }
}

/** Formats numbers for one locale; the Intl formatters are built once per deck, not per number. */
export function createNumberFormatter(locale: string): NumberFormatter {
  const cache = new Map<string, Intl.NumberFormat>();
  const intl = (key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
    let formatter = cache.get(key);
    if (!formatter) {
      formatter = new Intl.NumberFormat(locale, options);
      cache.set(key, formatter);
    }
    return formatter;
  };
  const unit = (name: 'hour' | 'minute' | 'second', value: number): string =>
    intl(`unit:${name}`, { style: 'unit', unit: name, unitDisplay: 'narrow', maximumFractionDigits: 0 }).format(value);

  // Intl.DurationFormat is not in Node 20, so durations are composed from narrow units: 1h 5m, 2m 30s, 41m, 42s.
  const duration = (seconds: number): string => {
    const sign = seconds < 0 ? '-' : '';
    const total = Math.round(Math.abs(seconds));
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const secs = total % 60;
    const parts =
      hours > 0
        ? [unit('hour', hours), minutes > 0 && unit('minute', minutes)]
        : minutes > 0
          ? [unit('minute', minutes), secs > 0 && unit('second', secs)]
          : [unit('second', secs)];
    return sign + parts.filter(Boolean).join(' ');
  };

  return (value, format, options = {}) => {
    if (format === 'duration') return duration(value);
    return intl(`${format}:${options.compact ? 'c' : ''}`, intlOptionsFor(format, options)).format(value);
  };
}
