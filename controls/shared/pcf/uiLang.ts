import type { Lang } from '@eer/contract';
import { langOfLcid } from '../api/client';

/**
 * The language the control speaks: the one of the resx the platform actually loaded (each resx says it in its `Lang`
 * key), so dates, weekday names, contract texts and the function app's messages match the labels even where the
 * host's user LCID and the loaded resx differ (the PCF harness reports 1033 and loads Russian; a user language the
 * solution has no resx for). Without the key: the user's LCID.
 */
export function uiLang(resxLang: string | undefined, lcid: number | undefined): Lang {
  return resxLang === 'ru' || resxLang === 'en' ? resxLang : langOfLcid(lcid);
}
