import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';
import { now } from '../config';
import { availability } from '../scheduling/hours';

/** The MO and zone serving an address, and whether it takes home visits now (manual §5, fig. 14). */
export const resolveAddress = defineRoute('resolveAddress', async ({ body }) => {
  const area = await mis().resolveAddress(body.address);
  const open = availability(area.homeVisitHours, now());
  return {
    moId: area.moId,
    moName: area.moName,
    zoneId: area.zoneId,
    zoneName: area.zoneName,
    homeVisitHours: area.homeVisitHours,
    ...open,
  };
});
