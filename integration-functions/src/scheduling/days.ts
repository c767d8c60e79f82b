/**
 * The slot window of the manual (§4.1, fig. 9): the days with free time, and under each day its time cells.
 */
import { REGION_TIME_ZONE, type DayWithFreeTime, type Slot } from '@eer/contract';
import { localParts } from './time';

/**
 * Free slots that have not started by `now`, grouped by their local date in the region, days and cells in time
 * order. A slot seen twice (two doctors' queries overlapping in an adapter) is kept once.
 */
export function groupFreeDays(slots: readonly Slot[], now: Date, timeZone: string = REGION_TIME_ZONE): DayWithFreeTime[] {
  const seen = new Set<string>();
  const byDate = new Map<string, Slot[]>();
  const upcoming = slots
    .filter((s) => s.status === 'free' && Date.parse(s.start) > now.getTime())
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.doctorId.localeCompare(b.doctorId));
  for (const slot of upcoming) {
    if (seen.has(slot.id)) continue;
    seen.add(slot.id);
    const date = localParts(new Date(slot.start), timeZone).date;
    const day = byDate.get(date);
    if (day) day.push(slot);
    else byDate.set(date, [slot]);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, daySlots]) => ({ date, freeCount: daySlots.length, slots: daySlots }));
}
