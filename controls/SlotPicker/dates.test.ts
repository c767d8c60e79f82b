import { addDays, clockTime, dayLabel, defaultInterval, longDate, regionToday } from './dates';

describe('dates of the slot window (region zone)', () => {
  it('today is the region’s date, not the PC’s: 23:30 UTC is already tomorrow in Moscow', () => {
    expect(regionToday(new Date('2026-11-26T21:30:00Z'))).toBe('2026-11-27');
  });

  it('adds days across months and years, and the default interval is today + 13', () => {
    expect(addDays('2026-11-26', 13)).toBe('2026-12-09');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(defaultInterval(14, new Date('2026-11-26T07:00:00Z'))).toEqual({ from: '2026-11-26', to: '2026-12-09' });
    expect(defaultInterval(1, new Date('2026-11-26T07:00:00Z'))).toEqual({ from: '2026-11-26', to: '2026-11-26' });
  });

  it('formats days and times in Russian and English on the region’s clock', () => {
    expect(dayLabel('2026-11-27', 'ru')).toBe('пт, 27 нояб.');
    expect(longDate('2026-11-27', 'ru')).toBe('пятница, 27 ноября 2026 г.');
    expect(longDate('2026-11-27', 'en')).toBe('Friday, 27 November 2026');
    expect(clockTime('2026-11-27T06:30:00Z', 'ru')).toBe('09:30');
  });
});
