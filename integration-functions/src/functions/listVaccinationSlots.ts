import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';
import { now } from '../config';
import { dayRange } from '../scheduling/time';

/** Free vaccination slots of a point in a period, not yet started, in time order. */
export const listVaccinationSlots = defineRoute('listVaccinationSlots', async ({ query }) => {
  const { fromIso, toIso } = dayRange(query.from, query.to);
  const at = now().getTime();
  const slots = await mis().listVaccinationSlots(query.pointId, fromIso, toIso);
  return slots.filter((s) => s.free > 0 && Date.parse(s.start) > at).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
});
