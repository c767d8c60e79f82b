/**
 * The MIS port the functions use. One place to obtain it, so the functions do not care which adapter is
 * configured (FHIR now, N3 later).
 */
import type { MisPort } from '../mis/MisPort';
import { AppError } from '../http/errors';

export function mis(): MisPort {
  // Until the adapter lands every MIS call answers as an unreachable MIS would.
  throw new AppError('mis_unavailable');
}
