import type { WeeklyHours } from '@eer/contract';
import { availability, formatLocalDateTime, outsideHoursMessage } from './hours';

const weekdays8to20: WeeklyHours = {
  1: [{ from: '08:00', to: '20:00' }],
  2: [{ from: '08:00', to: '14:00' }, { from: '15:00', to: '20:00' }],
  3: [{ from: '08:00', to: '20:00' }],
  4: [{ from: '08:00', to: '20:00' }],
  5: [{ from: '08:00', to: '20:00' }],
  6: [],
  7: [],
};
// 2026-05-12 is a Tuesday; Moscow is UTC+3
const at = (local: string) => new Date(`${local}+03:00`);

describe('home-visit hours', () => {
  it('is open inside a range, the end excluded', () => {
    expect(availability(weekdays8to20, at('2026-05-12T08:00:00'))).toEqual({ acceptingNow: true });
    expect(availability(weekdays8to20, at('2026-05-12T19:59:00'))).toEqual({ acceptingNow: true });
    expect(availability(weekdays8to20, at('2026-05-12T20:00:00')).acceptingNow).toBe(false);
  });

  it('gives the next opening: later today, tomorrow, after the weekend', () => {
    expect(availability(weekdays8to20, at('2026-05-12T14:30:00'))).toEqual({ acceptingNow: false, nextOpensAt: '2026-05-12T15:00:00+03:00' });
    expect(availability(weekdays8to20, at('2026-05-12T06:00:00'))).toEqual({ acceptingNow: false, nextOpensAt: '2026-05-12T08:00:00+03:00' });
    expect(availability(weekdays8to20, at('2026-05-12T21:00:00'))).toEqual({ acceptingNow: false, nextOpensAt: '2026-05-13T08:00:00+03:00' });
    expect(availability(weekdays8to20, at('2026-05-15T20:30:00'))).toEqual({ acceptingNow: false, nextOpensAt: '2026-05-18T08:00:00+03:00' });
  });

  it('runs to midnight with 24:00, opens a week later when only one day has hours, never with none', () => {
    const allDay: WeeklyHours = { ...weekdays8to20, 2: [{ from: '00:00', to: '24:00' }] };
    expect(availability(allDay, at('2026-05-12T23:59:00'))).toEqual({ acceptingNow: true });
    const mondaysOnly: WeeklyHours = { 1: [{ from: '09:00', to: '10:00' }], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
    expect(availability(mondaysOnly, at('2026-05-11T10:30:00')).nextOpensAt).toBe('2026-05-18T09:00:00+03:00');
    const never: WeeklyHours = { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
    expect(availability(never, at('2026-05-11T10:30:00'))).toEqual({ acceptingNow: false });
  });

  it('says who is closed and when it opens, in both languages', () => {
    expect(formatLocalDateTime('2026-05-13T05:00:00Z')).toBe('13.05.2026 08:00');
    expect(outsideHoursMessage('ГП №1', '2026-05-13T08:00:00+03:00', 'ru')).toBe(
      'ГП №1 сейчас не принимает вызовы на дом. Приём вызовов возобновится 13.05.2026 08:00 (мск).',
    );
    expect(outsideHoursMessage('ГП №1', '2026-05-13T08:00:00+03:00', 'en')).toContain('from 13.05.2026 08:00');
    expect(outsideHoursMessage('ГП №1', undefined, 'ru')).toContain('не принимает вызовы на дом');
  });
});
