/**
 * The `eer_call` columns that keep what a call created (appointmentIds, homeVisitIds, appealIds, vaccinationIds) hold
 * a comma-separated list of ids. A control appends to what the column holds, so other bookings of the call stay.
 */
export function idsOf(list: string | null | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
}

/** The list with `id` appended once (an id already there is not repeated: a retry must not list it twice). */
export function appendId(list: string | null | undefined, id: string): string {
  const ids = idsOf(list);
  if (!ids.includes(id)) ids.push(id);
  return ids.join(',');
}
