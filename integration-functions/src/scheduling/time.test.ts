import { addDays, dayRange, isoInZone, localParts, offsetMinutes, weekdayOf, zonedInstant } from './time';

describe('wall-clock arithmetic in the region', () => {
  it('reads local date, time and ISO weekday in Moscow (UTC+3, no DST)', () => {
    expect(localParts(new Date('2026-05-11T21:30:00Z'))).toMatchObject({ date: '2026-05-12', time: '00:30', weekday: 2 });
    expect(offsetMinutes(new Date('2026-01-01T00:00:00Z'))).toBe(180);
  });

  it('finds the instant of a local time and writes it with the offset', () => {
    expect(zonedInstant('2026-05-12', '08:00').toISOString()).toBe('2026-05-12T05:00:00.000Z');
    expect(zonedInstant('2026-05-12', '24:00').toISOString()).toBe('2026-05-12T21:00:00.000Z');
    expect(isoInZone(new Date('2026-05-12T05:00:00Z'))).toBe('2026-05-12T08:00:00+03:00');
  });

  it('handles a zone with DST on both sides of the change', () => {
    // Europe/Berlin went to summer time on 2026-03-29 at 02:00 → 03:00
    expect(isoInZone(zonedInstant('2026-03-28', '12:00', 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-03-28T12:00:00+01:00');
    expect(isoInZone(zonedInstant('2026-03-30', '12:00', 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-03-30T12:00:00+02:00');
  });

  it('adds days across months and leap years, and names weekdays', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekdayOf('2026-05-11')).toBe(1);
    expect(weekdayOf('2026-05-17')).toBe(7);
  });

  it('turns local dates (both included) into a half-open instant interval', () => {
    expect(dayRange('2026-05-12', '2026-05-13')).toEqual({ fromIso: '2026-05-12T00:00:00+03:00', toIso: '2026-05-14T00:00:00+03:00' });
  });
});
