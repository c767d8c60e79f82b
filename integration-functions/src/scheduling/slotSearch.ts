/**
 * Free time for the booking window (manual §4.1–4.2, fig. 9): the doctors searched, the days with free time and the
 * time cells of each. When the period has nothing and `nearest` is on, the search goes on past `to` so the operator
 * sees the nearest days with free time without another click. MIS round trips: one for the doctors (none when the
 * doctor's card comes with the filters), one for all their slots, one more only when the period was empty.
 */
import type { Doctor, PatientCard, SlotSearchQuery, SlotSearchResult } from '@eer/contract';
import type { MisPort } from '../mis/MisPort';
import { groupFreeDays } from './days';
import { doctorsFor } from './specialties';
import { addDays, dayRange } from './time';

export interface SlotSearchOptions {
  now: Date;
  /** Days past `to` searched when the period has no free time (EER_NEAREST_DAYS). */
  nearestDays: number;
}

async function doctorsOf(mis: MisPort, query: SlotSearchQuery, patient: PatientCard | undefined): Promise<Doctor[]> {
  if (query.doctorId === undefined) return doctorsFor(mis, query, patient);
  // The one doctor: found within the filters the client sent, else anywhere.
  const scoped = query.moId !== undefined || query.specialtyCode !== undefined;
  const candidates = scoped ? await mis.findDoctors({ moId: query.moId, specialtyCode: query.specialtyCode }) : [];
  const found = candidates.find((d) => d.id === query.doctorId) ?? (await mis.findDoctors({})).find((d) => d.id === query.doctorId);
  return found ? [found] : [];
}

export async function searchFreeTime(
  mis: MisPort,
  query: SlotSearchQuery,
  patient: PatientCard | undefined,
  options: SlotSearchOptions,
): Promise<SlotSearchResult> {
  const doctors = await doctorsOf(mis, query, patient);
  if (doctors.length === 0) return { doctors, days: [] };
  const ids = doctors.map((d) => d.id);
  const period = dayRange(query.from, query.to);
  const days = groupFreeDays(await mis.findFreeSlots(ids, period.fromIso, period.toIso), options.now);
  if (days.length > 0 || !query.nearest || options.nearestDays <= 0) return { doctors, days };

  const extendedTo = addDays(query.to, options.nearestDays);
  const further = dayRange(addDays(query.to, 1), extendedTo);
  const nearestDays = groupFreeDays(await mis.findFreeSlots(ids, further.fromIso, further.toIso), options.now);
  return { doctors, days: nearestDays, extendedTo };
}
