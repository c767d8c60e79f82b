import { COLUMNS, TABLES } from '@eer/contract';
import type { ConfiguredSpecialty } from './slotApi';

const C = COLUMNS.narrowSpecialty;

/** The OData query of the active narrow specialties in the analysts' order. */
export const NARROW_QUERY = `?$select=${C.code},${C.name},${C.sortOrder}&$filter=${C.isActive} eq true&$orderby=${C.sortOrder} asc,${C.name} asc`;

/**
 * Reads the analysts' narrow list (eer_narrowspecialty) through the form's webAPI. Null when it cannot be read
 * (no privilege, offline, the harness): the MIS's list is used then, and the operator still books.
 */
export function narrowTableReader(webApi: ComponentFramework.WebApi | undefined): () => Promise<ConfiguredSpecialty[] | null> {
  return async () => {
    if (!webApi || typeof webApi.retrieveMultipleRecords !== 'function') return null;
    try {
      const result = await webApi.retrieveMultipleRecords(TABLES.narrowSpecialty, NARROW_QUERY, 100);
      const rows = result.entities.flatMap((e) => {
        const code = typeof e[C.code] === 'string' ? (e[C.code] as string).trim() : '';
        const name = typeof e[C.name] === 'string' ? (e[C.name] as string).trim() : '';
        return code ? [{ code, name }] : [];
      });
      return rows.length > 0 ? rows : null;
    } catch {
      return null;
    }
  };
}
