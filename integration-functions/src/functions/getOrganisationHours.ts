import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';

/** Opening hours of a medical organisation (IVR topic 6), and its home-visit hours. */
export const getOrganisationHours = defineRoute('getOrganisationHours', async ({ params }) => mis().getOpeningHours(params.id));
