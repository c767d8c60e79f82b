import { localDate } from '@eer/contract';
import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';
import { now } from '../config';
import { localParts } from '../scheduling/time';

/** The patient's tickets (manual §4, fig. 8), from today on unless `from` says otherwise, in time order. */
export const listPatientTickets = defineRoute('listPatientTickets', async ({ params, query }) => {
  const today = localDate(now());
  const from = query.from ?? today;
  const tickets = await mis().listTickets(params.id, { includePast: from < today });
  return tickets
    .filter((t) => {
      const date = localParts(new Date(t.start)).date;
      return date >= from && (query.to === undefined || date <= query.to);
    })
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
});
