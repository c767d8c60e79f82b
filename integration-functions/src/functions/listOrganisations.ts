import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';

/** Medical organisations, by district; `moId` narrows to one (the desk re-reads the chosen one). */
export const listOrganisations = defineRoute('listOrganisations', async ({ query }) => {
  const all = await mis().listOrganisations({ districtId: query.districtId });
  return query.moId === undefined ? all : all.filter((mo) => mo.id === query.moId);
});
