/** The period an export covers, as its file name states it (the tool that made it names files that way). */
export interface ExportPeriod {
  start: string;
  end: string;
}

const PERIOD = /(?:^|[^\d])(\d{4})-?(\d{2})-?(\d{2})[_-](\d{4})-?(\d{2})-?(\d{2})(?:[^\d]|$)/;

/**
 * `tweet_activity_metrics_rOpenSci_20170101_20170201_en.csv` → 2017-01-01 … 2017-02-01;
 * `account_analytics_content_2026-04-27_2026-07-25.csv` → 2026-04-27 … 2026-07-25. Undefined when the name has no period.
 */
export function exportPeriodFromFileName(fileName: string): ExportPeriod | undefined {
  const m = PERIOD.exec(fileName);
  if (!m) return undefined;
  const start = `${m[1]}-${m[2]}-${m[3]}`;
  const end = `${m[4]}-${m[5]}-${m[6]}`;
  const valid = (d: string) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d);
  return valid(start) && valid(end) && start <= end ? { start, end } : undefined;
}
