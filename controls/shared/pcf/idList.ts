/**
 * The call record keeps what a control created as a comma-separated list of ids in one text column
 * (`eer_appointmentids`, `eer_homevisitids`, …: contract `COLUMNS.call`). Ids never contain a comma (EntityId).
 */

/** The ids of a list column, trimmed, empty parts dropped. */
export function parseIdList(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
}

/** The list with `id` appended once (an id already there is not repeated): `a,b` + `c` → `a,b,c`. */
export function appendId(value: string | null | undefined, id: string): string {
  const ids = parseIdList(value);
  const clean = id.trim();
  if (clean.length > 0 && !ids.includes(clean)) ids.push(clean);
  return ids.join(',');
}
