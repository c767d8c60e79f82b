/**
 * The MIS used to pre-identify callers. The MIS adapter wiring (src/mis/index.ts) is being written in parallel;
 * until it lands no MIS is configured here and calls go out without candidates.
 */
import type { PhoneLookup } from './preIdentify';

export function misForPreIdentification(): PhoneLookup | undefined {
  return undefined;
}
