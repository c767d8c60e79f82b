/**
 * The MIS port the functions use: the configured adapter (FHIR now, N3 later), from `getMis()`.
 * One place to obtain it, so no function names an adapter.
 */
import { getMis } from '../mis';
import type { MisPort } from '../mis/MisPort';

export function mis(): MisPort {
  return getMis();
}
