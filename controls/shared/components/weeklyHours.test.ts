import type { WeeklyHours } from '@eer/contract';
import { dayMonth, localMoment, openState, weekRuns, weekSummary, weekdayNames, type Weekday } from './weeklyHours';

const WEEKDAY_HOURS = [{ from: '08:00', to: '14:00' }];
const HOURS: WeeklyHours = { 1: WEEKDAY_HOURS, 2: WEEKDAY_HOURS, 3: WEEKDAY_HOURS, 4: WEEKDAY_HOURS, 5: WEEKDAY_HOURS, 6: [{ from: '09:00', to: '12:00' }], 7: [] };
const SHORT: Record<Weekday, string> = { 1: 'Пн', 2: 'Вт', 3: 'Ср', 4: 'Чт', 5: 'Пт', 6: 'Сб', 7: 'Вс' };

describe('weekly hours in the browser', () => {
  it('reads an instant on the region clock (Moscow, UTC+3)', () => {
    // Thursday 26 November 2026, 22:30 UTC is Friday 01:30 in Moscow
    expect(localMoment(new Date('2026-11-26T22:30:00Z'))).toEqual({ date: '2026-11-27', time: '01:30', weekday: 5 });
  });

  it('is open inside a range, `to` excluded', () => {
    expect(openState(HOURS, new Date('2026-11-26T05:00:00Z'))).toEqual({ open: true, until: '14:00', next: null }); // Thu 08:00
    expect(openState(HOURS, new Date('2026-11-26T10:59:00Z')).open).toBe(true); // Thu 13:59
    expect(openState(HOURS, new Date('2026-11-26T11:00:00Z'))).toEqual({
      open: false,
      until: null,
      next: { date: '2026-11-27', time: '08:00', weekday: 5 },
    }); // Thu 14:00 → Fri 08:00
  });

  it('opens later the same day, or after a closed Sunday', () => {
    expect(openState(HOURS, new Date('2026-11-26T03:00:00Z')).next).toEqual({ date: '2026-11-26', time: '08:00', weekday: 4 }); // Thu 06:00
    expect(openState(HOURS, new Date('2026-11-28T10:00:00Z')).next).toEqual({ date: '2026-11-30', time: '08:00', weekday: 1 }); // Sat 13:00
  });

  it('a week without hours never opens', () => {
    const none: WeeklyHours = { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
    expect(openState(none, new Date('2026-11-26T05:00:00Z'))).toEqual({ open: false, until: null, next: null });
  });

  it('summarises runs of equal days', () => {
    expect(weekRuns(HOURS).map((r) => [r.from, r.to])).toEqual([[1, 5], [6, 6], [7, 7]]);
    expect(weekSummary(HOURS, SHORT, 'выходной')).toBe('Пн–Пт 08:00–14:00; Сб 09:00–12:00; Вс выходной');
    expect(weekSummary({ ...HOURS, 3: [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '20:00' }] }, SHORT, '—')).toBe(
      'Пн–Вт 08:00–14:00; Ср 08:00–12:00, 13:00–20:00; Чт–Пт 08:00–14:00; Сб 09:00–12:00; Вс —',
    );
  });

  it('writes a date as day and month', () => {
    expect(dayMonth('2026-11-30')).toBe('30.11');
  });
});

describe('weekdayNames', () => {
  it('names the days in Russian and English, Monday first, capitalised', () => {
    expect(weekdayNames('ru', 'short')[1]).toBe('Пн');
    expect(weekdayNames('ru', 'long')[7]).toBe('Воскресенье');
    expect(weekdayNames('en', 'short')[3]).toBe('Wed');
    expect(weekdayNames('en', 'long')[6]).toBe('Saturday');
  });
});
