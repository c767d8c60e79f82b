/**
 * Pre-identification: the patients the MIS knows under the caller's number, shown in the call popup before the
 * operator answers. The popup must not wait for a slow MIS: past the budget the call goes out without candidates.
 */
import type { PatientSummary } from '@eer/contract';
import type { MisPort } from '../mis/MisPort';

export const PRE_IDENTIFY_LIMIT = 5;

export type PhoneLookup = Pick<MisPort, 'findPatientsByPhone'>;

export type PreIdentifyOutcome = 'found' | 'none' | 'no_number' | 'no_mis' | 'timeout' | 'failed';

export async function preIdentify(
  mis: PhoneLookup | undefined,
  phone: string | null,
  budgetMs: number,
): Promise<{ candidates: PatientSummary[]; outcome: PreIdentifyOutcome }> {
  if (phone === null) return { candidates: [], outcome: 'no_number' };
  if (!mis) return { candidates: [], outcome: 'no_mis' };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), budgetMs);
  });
  const lookup = mis.findPatientsByPhone(phone, PRE_IDENTIFY_LIMIT);
  // The lookup may fail after the budget is spent: nobody awaits it then.
  lookup.catch(() => undefined);
  try {
    const result = await Promise.race([lookup, late]);
    if (result === 'timeout') return { candidates: [], outcome: 'timeout' };
    const candidates = result.slice(0, PRE_IDENTIFY_LIMIT);
    return { candidates, outcome: candidates.length > 0 ? 'found' : 'none' };
  } catch {
    return { candidates: [], outcome: 'failed' };
  } finally {
    clearTimeout(timer);
  }
}
