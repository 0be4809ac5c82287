import { describe, expect, it } from 'vitest';
import {
  barValue,
  chartData,
  dayIn,
  formatAmount,
  formatPercent,
  formatRange,
  otherCurrencyAmounts,
  periodLabel,
  progressTable,
  targetsSummary,
  timingOf,
  type ObjectiveProgress,
  type PeriodProgress,
} from './objective-progress';

const targets = { amountWon: '5000.00', opportunitiesCreated: 10, opportunitiesWon: null, callsMade: 40, meetings: null };
const noPercent = { amountWon: null, opportunitiesCreated: null, opportunitiesWon: null, callsMade: null, meetings: null };

function period(from: string, to: string, actual: Partial<PeriodProgress['actual']>, percent: Partial<PeriodProgress['percent']>): PeriodProgress {
  return {
    from,
    to,
    target: targets,
    actual: { amountWon: '0.00', amountWonByCurrency: {}, opportunitiesCreated: 0, opportunitiesWon: 0, callsMade: 0, meetings: 0, ...actual },
    percent: { ...noPercent, amountWon: 0, opportunitiesCreated: 0, callsMade: 0, ...percent },
  };
}

const progress: ObjectiveProgress = {
  objectiveId: 'o1',
  currency: 'EUR',
  timeZone: 'Europe/Paris',
  periods: [
    period(
      '2027-01-01',
      '2027-01-31',
      { amountWon: '1200.50', amountWonByCurrency: { EUR: '1200.50', USD: '300.00' }, opportunitiesCreated: 3, callsMade: 52, meetings: 2 },
      { amountWon: 24, opportunitiesCreated: 30, callsMade: 130 },
    ),
    period('2027-02-01', '2027-02-28', {}, {}),
    period('2027-03-01', '2027-03-31', { amountWonByCurrency: { EUR: '0.00' } }, {}),
  ],
  total: {
    ...period(
      '2027-01-01',
      '2027-03-31',
      { amountWon: '1200.50', amountWonByCurrency: { EUR: '1200.50', USD: '300.00' }, opportunitiesCreated: 3, callsMade: 52, meetings: 2 },
      { amountWon: 8, opportunitiesCreated: 10, callsMade: 43.3 },
    ),
    target: { amountWon: '15000.00', opportunitiesCreated: 30, opportunitiesWon: null, callsMade: 120, meetings: null },
  },
};

describe('formatting figures', () => {
  it('formats amounts from the decimal string exactly, beyond what a float holds', () => {
    expect(formatAmount('1200.50', 'EUR')).toBe('€1,200.50');
    expect(formatAmount('12345678901234.56', 'EUR')).toBe('€12,345,678,901,234.56');
    expect(formatAmount('300', 'JPY')).toBe('¥300');
    expect(formatAmount('10.00', 'EURO')).toBe('10.00 EURO');
  });

  it('writes percents with one decimal at most, and "no target" without one', () => {
    expect(formatPercent(62.5)).toBe('62.5%');
    expect(formatPercent(1250)).toBe('1,250%');
    expect(formatPercent(null)).toBe('no target');
  });

  it('fills a bar up to 100% only', () => {
    expect(barValue(130)).toBe(100);
    expect(barValue(null)).toBe(0);
    expect(barValue(42.5)).toBe(42.5);
  });

  it('names periods: whole months by month, days by day, other ranges in full', () => {
    expect(periodLabel({ from: '2027-01-01', to: '2027-01-31' }, 'monthly')).toBe('Jan 2027');
    expect(periodLabel({ from: '2027-01-15', to: '2027-02-14' }, 'monthly')).toBe('Jan 15 – Feb 14');
    expect(periodLabel({ from: '2027-03-01', to: '2027-03-10' }, 'monthly')).toBe('Mar 1 – 10');
    expect(periodLabel({ from: '2027-03-03', to: '2027-03-03' }, 'daily')).toBe('Mar 3');
    expect(periodLabel({ from: '2026-12-28', to: '2027-01-03' }, 'weekly')).toBe('Dec 28, 2026 – Jan 3, 2027');
    expect(formatRange('2027-01-01', '2027-03-31')).toBe('Jan 1 – Mar 31, 2027');
  });

  it('sums up the targets of a list row', () => {
    expect(targetsSummary(targets, 'EUR')).toBe('€5,000.00 won · 10 created · 40 calls');
    expect(targetsSummary(noPercent, 'EUR')).toBe('No target');
  });
});

describe('the progress table', () => {
  const table = progressTable(progress, 'monthly');

  it('has one row per period, in order, and the total', () => {
    expect(table.rows.map((row) => row.label)).toEqual(['Jan 2027', 'Feb 2027', 'Mar 2027']);
    expect(table.total.label).toBe('Total');
  });

  it('reads each measure as "actual / target (percent)", and says when there is no target', () => {
    expect(table.rows[0].cells.map((cell) => cell.text)).toEqual([
      '€1,200.50 / €5,000.00 (24%)',
      '3 / 10 (30%)',
      '0 (no target)',
      '52 / 40 (130%)',
      '2 (no target)',
    ]);
    expect(table.total.cells[0].text).toBe('€1,200.50 / €15,000.00 (8%)');
  });

  it('lists the amounts won in other currencies apart, never added in; zero amounts left out', () => {
    expect(table.rows[0].others).toEqual([{ currency: 'USD', amount: '300.00', text: '+ 300.00 USD not counted' }]);
    expect(table.rows[2].others).toEqual([]);
    expect(otherCurrencyAmounts({ ...progress.total.actual, amountWonByCurrency: { EUR: '1.00', JPY: '500', USD: '0.00' } }, 'EUR')).toEqual([
      { currency: 'JPY', amount: '500', text: '+ 500 JPY not counted' },
    ]);
  });
});

describe('the chart data', () => {
  it('gives target against actual of the chosen measure per period, with exact texts', () => {
    const data = chartData(progress, 'amountWon', 'monthly');
    expect(data).toHaveLength(3);
    expect(data[0]).toEqual({
      label: 'Jan 2027',
      actual: 1200.5,
      target: 5000,
      actualText: '€1,200.50',
      targetText: '€5,000.00',
      percentText: '24%',
      barLabel: '24%',
    });
  });

  it('draws no target where there is none, and labels the bar with the actual instead', () => {
    const data = chartData(progress, 'meetings', 'monthly');
    expect(data[0]).toMatchObject({ actual: 2, target: null, targetText: 'no target', percentText: 'no target', barLabel: '2' });
  });
});

describe('today and the timing of an objective', () => {
  it('takes today in the CRM time zone', () => {
    const instant = new Date('2027-01-31T23:30:00Z');
    expect(dayIn('Europe/Paris', instant)).toBe('2027-02-01');
    expect(dayIn('America/New_York', instant)).toBe('2027-01-31');
  });

  it('is current while the range includes today, both ends included', () => {
    const range = { from: '2027-01-01', to: '2027-03-31' };
    expect(timingOf(range, '2027-01-01')).toBe('current');
    expect(timingOf(range, '2027-03-31')).toBe('current');
    expect(timingOf(range, '2026-12-31')).toBe('upcoming');
    expect(timingOf(range, '2027-04-01')).toBe('past');
  });
});
