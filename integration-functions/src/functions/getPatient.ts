import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';

/** The patient card (manual §3, fig. 5): attachment MO and zone, contacts, policy, SNILS, address. */
export const getPatient = defineRoute('getPatient', async ({ params }) => mis().getPatient(params.id));
