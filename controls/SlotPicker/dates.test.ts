import { addDays, defaultInterval, regionDateOf, regionToday } from './dates';
import { roomText, shortName } from './format';

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

  it('the region’s date of an instant', () => {
    expect(regionDateOf('2026-11-26T21:30:00Z')).toBe('2026-11-27');
  });

  it('names rooms and doctors as the operator reads them', () => {
    expect(roomText('210', 'каб. {0}')).toBe('каб. 210');
    expect(roomText('каб. 210', 'каб. {0}')).toBe('каб. 210');
    expect(roomText('кабинет флюорографии', 'каб. {0}')).toBe('кабинет флюорографии');
    expect(shortName('Петров Пётр Петрович')).toBe('Петров П. П.');
  });
});
