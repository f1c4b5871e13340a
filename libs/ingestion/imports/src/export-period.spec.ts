import { describe, expect, it } from 'vitest';

import { exportPeriodFromFileName } from './export-period.ts';

describe('exportPeriodFromFileName', () => {
  it('reads the period from X export file names', () => {
    expect(exportPeriodFromFileName('tweet_activity_metrics_rOpenSci_20170101_20170201_en.csv')).toEqual({ start: '2017-01-01', end: '2017-02-01' });
    expect(exportPeriodFromFileName('account_analytics_content_2026-04-27_2026-07-25.csv')).toEqual({ start: '2026-04-27', end: '2026-07-25' });
  });

  it('gives nothing for names without a valid period', () => {
    expect(exportPeriodFromFileName('dataset_Facebook.csv')).toBeUndefined();
    expect(exportPeriodFromFileName('x_20170231_20170301.csv')).toBeUndefined();
    expect(exportPeriodFromFileName('x_20170301_20170201.csv')).toBeUndefined();
  });
});
