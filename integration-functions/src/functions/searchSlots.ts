import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';
import { now, settings } from '../config';
import { isDistrictSpecialty } from '../scheduling/specialties';
import { searchFreeTime } from '../scheduling/slotSearch';

/**
 * Free time of a doctor or a specialty in a period, as days with free time and their time cells; the nearest days
 * after an empty period (see slotSearch.ts). The patient is read only when the search depends on them: a district
 * specialty (their zone) or no MO given (their MO).
 */
export const searchSlots = defineRoute('searchSlots', async ({ body }) => {
  const port = mis();
  const needsPatient =
    body.patientId !== undefined &&
    body.doctorId === undefined &&
    (body.moId === undefined || (body.specialtyCode !== undefined && isDistrictSpecialty(body.specialtyCode)));
  const patient = needsPatient && body.patientId ? await port.getPatient(body.patientId) : undefined;
  const config = settings();
  return searchFreeTime(port, body, patient, { now: config.fixedNow ?? now(), nearestDays: config.nearestDays });
});
