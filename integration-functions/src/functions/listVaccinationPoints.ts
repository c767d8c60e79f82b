import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';

/** Vaccination points for medical workers (manual §7), by district or MO. */
export const listVaccinationPoints = defineRoute('listVaccinationPoints', async ({ query }) =>
  mis().listVaccinationPoints({ districtId: query.districtId, moId: query.moId }),
);
