import type { PatientSummary } from '@eer/contract';
import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';

/** Exact identifier matches first (they can be opened without more questions), the MIS's order otherwise. */
export function exactMatchesFirst(candidates: readonly PatientSummary[]): PatientSummary[] {
  return candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => Number(b.c.matchedBy !== undefined) - Number(a.c.matchedBy !== undefined) || a.i - b.i)
    .map(({ c }) => c);
}

/** Patient search by any of full name, birth date, ЕНП/OMS policy, SNILS, passport (manual §3, fig. 4). */
export const searchPatients = defineRoute('searchPatients', async ({ body }) => {
  const found = await mis().searchPatients(body);
  const ordered = exactMatchesFirst(found.candidates);
  return { candidates: ordered.slice(0, body.limit), truncated: found.truncated || ordered.length > body.limit };
});
