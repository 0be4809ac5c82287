import { DomainError } from '../../platform/errors/domain-error';
import { monthsOf, reportRange } from './report-range';

const NOW = new Date('2026-03-31T22:30:00Z'); // 00:30 on 1 April in Paris, still 31 March in UTC

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.fieldErrors.map((e) => e.field) : error;
  }
  return 'accepted';
};

describe('reportRange', () => {
  it("defaults to 1 January of the current year to today, in the organisation's time zone", () => {
    expect(reportRange({}, 'Europe/Paris', 'today', NOW)).toEqual({
      from: '2026-01-01',
      to: '2026-04-01',
      timeZone: 'Europe/Paris',
      start: new Date('2025-12-31T23:00:00Z'),
      end: new Date('2026-04-01T22:00:00Z'),
    });
    expect(reportRange({}, 'UTC', 'today', NOW)).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(reportRange({}, 'Europe/Paris', 'end-of-year', NOW)).toMatchObject({ to: '2026-12-31', end: new Date('2026-12-31T23:00:00Z') });
  });

  it('spans whole local days across a daylight-saving change', () => {
    const range = reportRange({ from: '2026-03-29', to: '2026-03-29' }, 'Europe/Paris', 'today', NOW);
    expect([range.start.toISOString(), range.end.toISOString()]).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
  });

  it.each([
    [{ from: '2026-05-01', to: '2026-04-30' }, ['to']],
    [{ from: '2026-05-01' }, ['from']],
    [{ from: '2021-01-01', to: '2026-01-01' }, ['to']],
    [{ from: '2021-01-01', to: '2025-12-31' }, 'accepted'],
    [{ from: '2026-04-01', to: '2026-04-01' }, 'accepted'],
  ])('%j: %j', (query, expected) => {
    expect(refusal(() => reportRange(query, 'Europe/Paris', 'today', new Date('2026-03-15T12:00:00Z')))).toEqual(expected);
  });
});

describe('monthsOf', () => {
  it('lists the months of the range, the first and last cut at its ends', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-03' })).toEqual([
      { month: '2025-11', from: '2025-11-15', to: '2025-11-30' },
      { month: '2025-12', from: '2025-12-01', to: '2025-12-31' },
      { month: '2026-01', from: '2026-01-01', to: '2026-01-31' },
      { month: '2026-02', from: '2026-02-01', to: '2026-02-03' },
    ]);
    expect(monthsOf({ from: '2028-02-29', to: '2028-02-29' })).toEqual([{ month: '2028-02', from: '2028-02-29', to: '2028-02-29' }]);
  });
});
