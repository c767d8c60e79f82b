import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';

/** Localities (населённые пункты) of the region or a district: the schedule export can go by locality. */
export const listLocalities = defineRoute('listLocalities', async ({ query }) => mis().listLocalities({ districtId: query.districtId }));
