import { chart, chooseCurrency, filterOf } from './report-charts';

describe('chooseCurrency', () => {
  it.each([
    [
      [
        { currency: 'USD', count: 3 },
        { currency: 'EUR', count: 2 },
        { currency: 'EUR', count: 2 },
      ],
      undefined,
      'EUR',
      ['EUR', 'USD'],
    ],
    [
      [
        { currency: 'USD', count: 2 },
        { currency: 'EUR', count: 2 },
      ],
      undefined,
      'EUR',
      ['EUR', 'USD'],
    ],
    [[{ currency: 'USD', count: 1 }], 'CHF', 'CHF', ['USD']],
    [[], undefined, 'EUR', []],
  ])('%j asked %s: %s of %j', (counts, asked, currency, currencies) => {
    expect(chooseCurrency(counts, asked)).toEqual({ currency, currencies });
  });
});

describe('filterOf', () => {
  it('joins the filters in order, leaves out undefined ones and keeps the first of a name', () => {
    expect(filterOf({ stage: 'new', assignedToId: 'a' }, { currency: undefined }, { assignedToId: 'b', closed: 'false' })).toBe(
      'stage=new&assignedToId=a&closed=false',
    );
  });
});

describe('chart', () => {
  it('gives every series a point per category, in order, with the category, series and common filters', () => {
    const series = chart(
      [
        { key: 'u1', x: 'Alice', filter: { assignedToId: 'u1' } },
        { key: 'u2', x: 'Bruno', filter: { assignedToId: 'u2' } },
      ],
      [{ key: 'closed_won', name: 'Won', filter: { stage: 'closed_won' } }],
      (user) => (user === 'u1' ? 3 : 0),
      { closedFrom: '2025-01-01' },
    );
    expect(series).toEqual([
      {
        key: 'closed_won',
        name: 'Won',
        points: [
          { x: 'Alice', y: 3, filter: 'assignedToId=u1&stage=closed_won&closedFrom=2025-01-01' },
          { x: 'Bruno', y: 0, filter: 'assignedToId=u2&stage=closed_won&closedFrom=2025-01-01' },
        ],
      },
    ]);
  });
});
