import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';
import { doctorsFor } from '../scheduling/specialties';

/** Doctors of a specialty; for a district specialty and a patient, the doctors of the patient's zone first. */
export const listDoctors = defineRoute('listDoctors', async ({ query }) => {
  const port = mis();
  const patient = query.patientId ? await port.getPatient(query.patientId) : undefined;
  return doctorsFor(port, query, patient);
});
