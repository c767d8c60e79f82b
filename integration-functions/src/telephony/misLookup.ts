/** The MIS used to pre-identify callers: the app's one MIS adapter, or none when no MIS is configured. */
import { getMis, misSettingsFromEnv } from '../mis';
import type { PhoneLookup } from './preIdentify';

export function misForPreIdentification(): PhoneLookup | undefined {
  // Without a configured MIS every call would fail and log a warning per call: skip the lookup instead.
  return misSettingsFromEnv().baseUrl ? getMis() : undefined;
}
