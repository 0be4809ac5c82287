import { describe, expect, it } from 'vitest';
import {
  categoryLabel,
  chartRows,
  csvField,
  csvFileName,
  drillDownPath,
  hasData,
  periodOf,
  periodRange,
  reportCsv,
  reportQueryOf,
  type ReportView,
} from './report-data';

const USER = '01936f4e-8a8c-7b1e-9a57-6c1f3f0e2d41';

const pipeline: ReportView = {
  name: 'opportunities-pipeline',
  title: 'Pipeline by stage',
  unit: 'amount',
  list: 'opportunities',
  currency: 'EUR',
  currencies: ['EUR', 'USD'],
  from: null,
  to: null,
  series: [
    {
      key: 'amount',
      name: 'Amount',
      points: [
        { x: 'new', y: '1200.50', filter: 'stage=new&currency=EUR' },
        { x: 'proposition', y: '0.00', filter: 'stage=proposition&currency=EUR' },
      ],
    },
  ],
};

const wonLost: ReportView = {
  name: 'opportunities-won-lost',
  title: 'Won and lost by salesperson',
  unit: 'count',
  list: 'opportunities',
  from: '2026-01-01',
  to: '2026-12-31',
  series: [
    { key: 'closed_won', name: 'Won', points: [{ x: 'Martin, "Al"', y: 3, filter: `assignedToId=${USER}&stage=closed_won` }] },
    { key: 'closed_lost', name: 'Lost', points: [{ x: 'Martin, "Al"', y: 1, filter: `assignedToId=${USER}&stage=closed_lost` }] },
  ],
};

const winRate: ReportView = {
  name: 'opportunities-conversion',
  title: 'Win rate by month',
  unit: 'percent',
  list: 'opportunities',
  from: '2026-01-01',
  to: '2026-02-28',
  series: [
    {
      key: 'winRate',
      name: 'Win rate',
      points: [
        { x: '2026-01', y: null, filter: 'closedFrom=2026-01-01&closedTo=2026-01-31&closed=true' },
        { x: '2026-02', y: 62.5, filter: 'closedFrom=2026-02-01&closedTo=2026-02-28&closed=true' },
      ],
    },
  ],
};

describe('chartRows', () => {
  it('puts every series of a category on one row, numbers for the geometry and the API figures as text', () => {
    const [first, second] = chartRows(pipeline);
    expect(first).toEqual({
      x: 'new',
      label: 'New',
      values: { amount: 1200.5 },
      texts: { amount: '€1,200.50' },
      filters: { amount: 'stage=new&currency=EUR' },
    });
    expect(second.label).toBe('Proposition');
    expect(chartRows(wonLost)[0].values).toEqual({ closed_won: 3, closed_lost: 1 });
  });

  it('keeps null as null (nothing to divide by) and labels months', () => {
    const [january, february] = chartRows(winRate);
    expect(january.values.winRate).toBeNull();
    expect(january.texts.winRate).toBe('—');
    expect(january.label).toBe('Jan 2026');
    expect(february.texts.winRate).toBe('62.5%');
  });

  it('tells an answer with nothing in it', () => {
    expect(hasData(pipeline)).toBe(true);
    expect(hasData({ ...winRate, series: [{ ...winRate.series[0], points: [winRate.series[0].points[0]] }] })).toBe(false);
  });
});

describe('reportCsv', () => {
  it('writes the category, one column per series, amounts as given, with the currency in the header', () => {
    expect(reportCsv(pipeline)).toBe('Category,Amount (EUR)\r\nNew,1200.50\r\nProposition,0.00\r\n');
  });

  it('quotes fields with commas and quotes, and leaves null empty', () => {
    expect(reportCsv(wonLost)).toBe('Category,Won,Lost\r\n"Martin, ""Al""",3,1\r\n');
    expect(reportCsv(winRate)).toBe('Month,Win rate\r\n2026-01,\r\n2026-02,62.5\r\n');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('plain')).toBe('plain');
  });

  it('names the file after the report and its days', () => {
    expect(csvFileName(wonLost)).toBe('opportunities-won-lost_2026-01-01_2026-12-31.csv');
    expect(csvFileName(pipeline)).toBe('opportunities-pipeline.csv');
  });
});

describe('drillDownPath', () => {
  it('opens the SPA list the filter belongs to, with the filter as its URL', () => {
    expect(drillDownPath('leads', 'status=new&createdFrom=2026-01-01&createdTo=2026-12-31')).toBe(
      '/leads?status=new&createdFrom=2026-01-01&createdTo=2026-12-31',
    );
    expect(drillDownPath('opportunities', 'stage=new&currency=EUR')).toBe('/opportunities/list?stage=new&currency=EUR');
  });

  it('opens the calls (or all events) of everyone unless the point says whose', () => {
    expect(drillDownPath('events', 'type=call&status=planned&startFrom=2026-01-01')).toBe('/events/calls?status=planned&startFrom=2026-01-01&assignedToId=all');
    expect(drillDownPath('events', `assignedToId=${USER}&type=meeting`)).toBe(`/events/meetings?assignedToId=${USER}`);
    expect(drillDownPath('events', 'status=realized')).toBe('/events/all?status=realized&assignedToId=all');
  });

  it("opens everyone's objectives narrowed to the point's user or team", () => {
    expect(drillDownPath('objectives', `userId=${USER}`)).toBe(`/objectives?scope=everyone&userId=${USER}`);
  });
});

describe('periods', () => {
  it('gives the whole month, quarter and year of today, and the last twelve months up to today', () => {
    expect(periodRange('month', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange('quarter', '2026-05-10')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodRange('year', '2026-05-10')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange('last12', '2026-05-10')).toEqual({ from: '2025-06-01', to: '2026-05-10' });
    expect(periodRange('last12', '2026-12-03')).toEqual({ from: '2026-01-01', to: '2026-12-03' });
  });

  it('recognises a preset from its days', () => {
    expect(periodOf({ from: '2026-04-01', to: '2026-06-30' }, '2026-05-10')).toBe('quarter');
    expect(periodOf({ from: '2026-04-02', to: '2026-06-30' }, '2026-05-10')).toBeNull();
  });
});

describe('reportQueryOf', () => {
  it('reads the filters of the URL, leaving out what is not well formed', () => {
    const params = new URLSearchParams(`from=2026-01-01&to=soon&userId=${USER}&teamId=42&currency=usd`);
    expect(reportQueryOf(params)).toEqual({ from: '2026-01-01', userId: USER, currency: 'USD' });
  });
});

describe('categoryLabel', () => {
  it('names stages, statuses, types and months, and leaves names as they are', () => {
    expect(categoryLabel('in_progress')).toBe('In progress');
    expect(categoryLabel('call')).toBe('Call');
    expect(categoryLabel('2025-12')).toBe('Dec 2025');
    expect(categoryLabel('Lina Lopez')).toBe('Lina Lopez');
  });
});
