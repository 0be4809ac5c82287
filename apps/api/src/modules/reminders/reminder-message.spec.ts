import { leadTime, reminderMessage } from './reminder-message';

describe('reminder wording', () => {
  it.each([
    [0, 'now'],
    [1, 'in 1 minute'],
    [15, 'in 15 minutes'],
    [60, 'in 1 hour'],
    [120, 'in 2 hours'],
    [1440, 'in 1 day'],
    [2880, 'in 2 days'],
    [90, 'in 90 minutes'],
  ])('says %i minutes before as "%s"', (offset, text) => {
    expect(leadTime(offset)).toBe(text);
  });

  it('tells the start in the event’s own time zone, and says when it is late', () => {
    const base = {
      type: 'meeting' as const,
      subject: 'Demo',
      location: 'Lyon',
      allDay: false,
      timeZone: 'Europe/Paris',
      occurrenceStartAt: new Date('2027-03-29T07:00:00Z'),
      offsetMinutes: 15,
    };
    expect(reminderMessage({ ...base, late: false })).toEqual({
      title: 'Meeting in 15 minutes: Demo',
      body: 'Starts Mon 29 Mar 2027, 09:00 (Europe/Paris) at Lyon',
    });
    expect(reminderMessage({ ...base, late: true }).title).toBe('Meeting (reminder sent late): Demo');
    expect(reminderMessage({ ...base, allDay: true, location: null, late: false }).body).toBe('Starts Mon 29 Mar 2027');
  });
});
