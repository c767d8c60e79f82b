import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';
import { settings } from '../config';
import { specialtiesFor } from '../scheduling/specialties';

/**
 * Specialties to book: with `patientId`, the patient's district specialty (therapist or pediatrician by age, ВОП
 * where the zone has one) and the narrow ones of their MO; `kind` picks one group.
 */
export const listSpecialties = defineRoute('listSpecialties', async ({ query }) => {
  const port = mis();
  const patient = query.patientId ? await port.getPatient(query.patientId) : undefined;
  return specialtiesFor(port, query, patient, settings().narrowSpecialtyCodes);
});
