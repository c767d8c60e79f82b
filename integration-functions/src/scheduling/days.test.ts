import type { Slot } from '@eer/contract';
import { groupFreeDays } from './days';

const slot = (id: string, start: string, status: Slot['status'] = 'free', doctorId = 'D1'): Slot => ({
  id,
  doctorId,
  start,
  end: new Date(Date.parse(start) + 15 * 60_000).toISOString(),
  status,
});

describe('groupFreeDays', () => {
  const now = new Date('2026-05-12T06:00:00Z'); // 09:00 in Moscow

  it('groups free, upcoming slots by their local date, in time order', () => {
    const days = groupFreeDays(
      [
        slot('c', '2026-05-13T06:00:00Z'),
        slot('a', '2026-05-12T07:00:00Z'),
        slot('b', '2026-05-12T06:30:00Z', 'free', 'D2'),
        slot('busy', '2026-05-12T08:00:00Z', 'busy'),
        slot('past', '2026-05-12T05:00:00Z'),
        // 23:30 UTC on the 12th is 02:30 on the 13th in Moscow
        slot('late', '2026-05-12T23:30:00Z'),
      ],
      now,
    );
    expect(days.map((d) => [d.date, d.freeCount, d.slots.map((s) => s.id)])).toEqual([
      ['2026-05-12', 2, ['b', 'a']],
      ['2026-05-13', 2, ['late', 'c']],
    ]);
  });

  it('keeps a slot seen twice once, and gives no day without free time', () => {
    const s = slot('x', '2026-05-14T06:00:00Z');
    expect(groupFreeDays([s, s], now)).toEqual([{ date: '2026-05-14', freeCount: 1, slots: [s] }]);
    expect(groupFreeDays([slot('y', '2026-05-14T06:00:00Z', 'busy')], now)).toEqual([]);
  });
});
